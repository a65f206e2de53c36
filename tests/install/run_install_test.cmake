# Installs the built library into a scratch prefix, then builds and runs a
# consumer against it, once through find_package(digestcore) and once
# through pkg-config. Run by ctest (install.consumer).
set(prefix ${WORK_DIR}/prefix)
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed (${rc}): ${ARGN}\n${out}\n${err}")
  endif()
  set(last_output "${out}" PARENT_SCOPE)
endfunction()

run(${CMAKE_COMMAND_PATH} --install ${BUILD_DIR} --prefix ${prefix})

# 1. CMake package.
run(${CMAKE_COMMAND_PATH} -S ${SOURCE_DIR}/tests/install/consumer -B ${WORK_DIR}/cmake-build
    -DCMAKE_PREFIX_PATH=${prefix} -DCMAKE_BUILD_TYPE=Release)
run(${CMAKE_COMMAND_PATH} --build ${WORK_DIR}/cmake-build)
run(${WORK_DIR}/cmake-build/consumer_cpp)
if(NOT last_output MATCHES "digestcore [0-9]+\\.[0-9]+\\.[0-9]+ cpp ok")
  message(FATAL_ERROR "C++ consumer printed: ${last_output}")
endif()
run(${WORK_DIR}/cmake-build/consumer_c)
if(NOT last_output MATCHES "digestcore [0-9]+\\.[0-9]+\\.[0-9]+ c ok")
  message(FATAL_ERROR "C consumer printed: ${last_output}")
endif()

# 2. pkg-config, from plain cc.
file(GLOB pcdirs ${prefix}/lib*/pkgconfig ${prefix}/lib/*/pkgconfig)
list(JOIN pcdirs ":" pcpath)
set(ENV{PKG_CONFIG_PATH} "${pcpath}")
run(pkg-config --cflags --libs digestcore)
string(STRIP "${last_output}" flags)
separate_arguments(flags UNIX_COMMAND "${flags}")
find_program(CC NAMES cc gcc clang REQUIRED)
run(${CC} -std=c11 -Wall -Wextra -pedantic -Werror ${SOURCE_DIR}/tests/install/consumer/main.c
    ${flags} -o ${WORK_DIR}/pkgconfig_consumer)
file(GLOB libdirs ${prefix}/lib*/ ${prefix}/lib/*/)
list(JOIN libdirs ":" ldpath)
set(ENV{LD_LIBRARY_PATH} "${ldpath}")
run(${WORK_DIR}/pkgconfig_consumer)
if(NOT last_output MATCHES "c ok")
  message(FATAL_ERROR "pkg-config consumer printed: ${last_output}")
endif()
message(STATUS "install test passed")
