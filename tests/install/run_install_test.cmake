# Installs the built library into a scratch prefix, then uses it as a
# consumer would. Run by ctest (install.consumer).
#   1. a CMake project: find_package(digestcore), C and C++;
#   2. plain compilers with pkg-config: `cc -std=c11 ... digestcore-c` and
#      `c++ main.cpp $(pkg-config --cflags --libs digestcore)`, nothing else;
#   3. the installed CLI, run from the prefix without LD_LIBRARY_PATH.
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
    -DCMAKE_PREFIX_PATH=${prefix} -DCMAKE_BUILD_TYPE=Release
    -DDIGEST_EXPECTED_VERSION=${EXPECTED_VERSION})
run(${CMAKE_COMMAND_PATH} --build ${WORK_DIR}/cmake-build)
run(${WORK_DIR}/cmake-build/consumer_cpp)
if(NOT last_output MATCHES "digestcore [0-9]+\\.[0-9]+\\.[0-9]+ cpp ok")
  message(FATAL_ERROR "C++ consumer printed: ${last_output}")
endif()
run(${WORK_DIR}/cmake-build/consumer_c)
if(NOT last_output MATCHES "digestcore [0-9]+\\.[0-9]+\\.[0-9]+ c ok")
  message(FATAL_ERROR "C consumer printed: ${last_output}")
endif()

# 2. pkg-config, from plain compilers.
file(GLOB pcdirs ${prefix}/lib*/pkgconfig ${prefix}/lib/*/pkgconfig)
list(JOIN pcdirs ":" pcpath)
set(ENV{PKG_CONFIG_PATH} "${pcpath}")
# A static libdigest needs its private dependencies on the link line.
file(GLOB shared_libs ${prefix}/lib*/libdigest.so ${prefix}/lib/*/libdigest.so)
set(pkg_static)
if(NOT shared_libs)
  set(pkg_static --static)
endif()
function(pkg_flags module outvar)
  run(pkg-config ${pkg_static} --cflags --libs ${module})
  string(STRIP "${last_output}" flags)
  set(raw "${flags}" PARENT_SCOPE)
  separate_arguments(flags UNIX_COMMAND "${flags}")
  set(${outvar} ${flags} PARENT_SCOPE)
endfunction()
file(GLOB libdirs ${prefix}/lib*/ ${prefix}/lib/*/)
list(JOIN libdirs ":" ldpath)

find_program(CC NAMES cc gcc clang REQUIRED)
pkg_flags(digestcore-c c_flags)
if(raw MATCHES "-std=c\\+\\+")
  message(FATAL_ERROR "digestcore-c.pc gives C++ flags: ${raw}")
endif()
run(${CC} -std=c11 -Wall -Wextra -pedantic -Werror ${SOURCE_DIR}/tests/install/consumer/main.c
    ${c_flags} -o ${WORK_DIR}/pkgconfig_consumer_c)

find_program(CXX NAMES c++ g++ clang++ REQUIRED)
pkg_flags(digestcore cxx_flags)
if(NOT raw MATCHES "-std=c\\+\\+20")
  message(FATAL_ERROR "digestcore.pc lacks -std=c++20: ${raw}")
endif()
# No flag of our own: what pkg-config gives must be enough.
run(${CXX} ${SOURCE_DIR}/tests/install/consumer/main.cpp ${cxx_flags}
    -o ${WORK_DIR}/pkgconfig_consumer_cpp)

set(ENV{LD_LIBRARY_PATH} "${ldpath}")
run(${WORK_DIR}/pkgconfig_consumer_c)
if(NOT last_output MATCHES "c ok")
  message(FATAL_ERROR "pkg-config C consumer printed: ${last_output}")
endif()
run(${WORK_DIR}/pkgconfig_consumer_cpp)
if(NOT last_output MATCHES "cpp ok")
  message(FATAL_ERROR "pkg-config C++ consumer printed: ${last_output}")
endif()

# 3. The installed CLI finds libdigest in its prefix by itself (RUNPATH
# $ORIGIN/../lib), whatever the environment says.
unset(ENV{LD_LIBRARY_PATH})
set(cli ${prefix}/bin/digestcore)
if(EXISTS ${BUILD_DIR}/digestcore OR EXISTS ${cli})  # the build has the CLI
  if(NOT EXISTS ${cli})
    message(FATAL_ERROR "the CLI was built but not installed to ${cli}")
  endif()
  run(${cli} --version)
  if(NOT last_output MATCHES "[0-9]+\\.[0-9]+\\.[0-9]+")
    message(FATAL_ERROR "installed CLI printed: ${last_output}")
  endif()
  # It must be the prefix's library that was loaded, not one installed
  # elsewhere on the system.
  find_program(LDD ldd)
  if(LDD AND shared_libs)
    run(${LDD} ${cli})
    set(at -1)
    if(last_output MATCHES "libdigest\\.so[^ ]* => ([^ \n]+)")
      file(REAL_PATH "${CMAKE_MATCH_1}" loaded)
      file(REAL_PATH "${prefix}" real_prefix)
      string(FIND "${loaded}" "${real_prefix}/" at)
    endif()
    if(NOT at EQUAL 0)
      message(FATAL_ERROR "installed CLI does not load libdigest from ${prefix}:\n${last_output}")
    endif()
  endif()
endif()
message(STATUS "install test passed")
