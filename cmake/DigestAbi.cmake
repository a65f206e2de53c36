# The ABI of libdigest.so: what it exports and the tests that hold it there.
# Included at the end of the top-level CMakeLists.txt, once the target
# `digest` and the tests exist. See docs/abi.md.
#
# - abi/libdigest.map, a linker version script, lets out only dg_* and the
#   digest:: C++ API (and of those, only what the sources mark DG_API).
# - abi.symbols (ctest, label abi): the exported list must equal the
#   committed abi/libdigest.symbols and hold nothing but dg_* and digest::.
# - abi.compat (ctest, label abi): abi-compliance-checker compares the build
#   with the committed abi-dumper baseline (abi/baseline/); a binary-
#   incompatible change fails unless project(VERSION)'s major moved.
# Both are run, and their files regenerated, by scripts/check-abi.

set(DIGEST_ABI_MAP ${PROJECT_SOURCE_DIR}/abi/libdigest.map)
set(DIGEST_ABI_VERSION_SCRIPT OFF)

get_target_property(_digest_type digest TYPE)
if(_digest_type STREQUAL "SHARED_LIBRARY"
   AND CMAKE_CXX_COMPILER_ID MATCHES "^(GNU|Clang)$"
   AND NOT APPLE AND NOT WIN32)
  target_link_options(digest PRIVATE "LINKER:--version-script=${DIGEST_ABI_MAP}")
  # Relink when the script changes.
  set_property(TARGET digest APPEND PROPERTY LINK_DEPENDS ${DIGEST_ABI_MAP})
  set(DIGEST_ABI_VERSION_SCRIPT ON)
endif()
unset(_digest_type)

# The checks hold for the shared library as the project builds it for
# release; sanitizer builds and static builds are not checked.
if(DIGEST_BUILD_TESTS AND DIGEST_ABI_VERSION_SCRIPT AND NOT DIGEST_SANITIZE)
  find_package(Python3 COMPONENTS Interpreter)
  if(NOT Python3_Interpreter_FOUND)
    message(FATAL_ERROR "the ABI tests need python3 (Debian package python3)")
  endif()
  set(_check_abi ${Python3_EXECUTABLE} ${PROJECT_SOURCE_DIR}/scripts/check-abi
      --library $<TARGET_FILE:digest>)

  add_test(NAME abi.symbols COMMAND ${_check_abi} --symbols)
  set_tests_properties(abi.symbols PROPERTIES LABELS abi TIMEOUT 120)

  # abi-dumper reads the DWARF of the library: only builds with -g.
  if(CMAKE_BUILD_TYPE MATCHES "^(RelWithDebInfo|Debug)$")
    add_test(NAME abi.compat
             COMMAND ${_check_abi} --compat --work-dir ${PROJECT_BINARY_DIR}/abi-check)
    set_tests_properties(abi.compat PROPERTIES LABELS abi TIMEOUT 900)
  endif()
  unset(_check_abi)
endif()
