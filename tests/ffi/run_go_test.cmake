# ffi.go: `go test` on tests/ffi/go against the built library.
#   GO_DIR, DATA_DIR, OUT_DIR, CLI (may be empty), and go_env.cmake's inputs.
include(${CMAKE_CURRENT_LIST_DIR}/go_env.cmake)
set(ENV{DIGEST_FFI_DATA} ${DATA_DIR})
set(ENV{DIGEST_FFI_OUT} ${OUT_DIR})
set(ENV{DIGEST_FFI_CLI} "${CLI}")
file(MAKE_DIRECTORY ${OUT_DIR})

execute_process(COMMAND ${GO} version OUTPUT_VARIABLE version OUTPUT_STRIP_TRAILING_WHITESPACE)
message(STATUS "${version}")
execute_process(COMMAND ${GO} test -count=1 -v .
                WORKING_DIRECTORY ${GO_DIR} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "go test failed (${rc})")
endif()
