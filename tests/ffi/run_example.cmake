# ffi.example_ctypes, ffi.example_go: runs a program of examples/ffi and
# checks that it prints what the CLI prints for the same steps.
#   EXAMPLE   "ctypes" or "go"
#   EXAMPLES_DIR, DATA_DIR, CLI, LIBRARY (ctypes), PYTHON (ctypes), and for
#   Go the inputs of go_env.cmake.
if(EXAMPLE STREQUAL "go")
  include(${CMAKE_CURRENT_LIST_DIR}/go_env.cmake)
  set(cmd ${GO} run . ${DATA_DIR} 2021-W33)
  set(dir ${EXAMPLES_DIR}/go)
else()
  set(cmd ${PYTHON} ${EXAMPLES_DIR}/weekly_digest_ctypes.py ${LIBRARY} ${DATA_DIR} 2021-W33)
  set(dir ${EXAMPLES_DIR})
endif()
execute_process(COMMAND ${cmd} WORKING_DIRECTORY ${dir}
                RESULT_VARIABLE rc OUTPUT_VARIABLE got ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${cmd} failed (${rc}):\n${err}")
endif()
execute_process(COMMAND ${CLI} digest ${DATA_DIR}/collection.json --week 2021-W33
                        --sources ${DATA_DIR}/sources.json --entities ${DATA_DIR}/entities.json
                        --attribution
                RESULT_VARIABLE rc OUTPUT_VARIABLE want ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the CLI failed (${rc}):\n${err}")
endif()
if(NOT got STREQUAL want)
  message(FATAL_ERROR "the ${EXAMPLE} example prints another digest than the CLI:\n${got}")
endif()
string(LENGTH "${got}" n)
message(STATUS "the ${EXAMPLE} example printed the CLI's digest (${n} bytes)")
