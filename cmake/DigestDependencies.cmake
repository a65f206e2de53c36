# Finds every dependency and, when one is missing, stops with the name of the
# Debian package that provides it (scripts/install-deps installs them all).

macro(digest_require found what package)
  if(NOT ${found})
    message(FATAL_ERROR
      "digestcore needs ${what}, which was not found.\n"
      "Install it with:  sudo apt-get install ${package}\n"
      "or run scripts/install-deps, which installs every dependency.")
  endif()
endmacro()

find_package(simdjson CONFIG QUIET)
digest_require(simdjson_FOUND "simdjson" libsimdjson-dev)

find_package(ICU QUIET COMPONENTS uc i18n data)
digest_require(ICU_FOUND "ICU (uc, i18n, data)" libicu-dev)

# Boost.Date_Time (gregorian) is header-only for what digestcore uses.
find_package(Boost 1.74 CONFIG QUIET)
digest_require(Boost_FOUND "Boost headers (Boost.Date_Time)" libboost-date-time-dev)
if(NOT EXISTS "${Boost_INCLUDE_DIRS}/boost/date_time/gregorian/gregorian_types.hpp")
  find_path(DIGEST_BOOST_DATE_TIME boost/date_time/gregorian/gregorian_types.hpp
            HINTS ${Boost_INCLUDE_DIRS})
  digest_require(DIGEST_BOOST_DATE_TIME "Boost.Date_Time" libboost-date-time-dev)
endif()

find_package(PkgConfig QUIET)
digest_require(PKG_CONFIG_FOUND "pkg-config" pkg-config)
pkg_check_modules(gumbo QUIET IMPORTED_TARGET gumbo)
digest_require(gumbo_FOUND "the gumbo HTML parser" libgumbo-dev)
pkg_check_modules(xxhash QUIET IMPORTED_TARGET libxxhash)
digest_require(xxhash_FOUND "the xxHash library" libxxhash-dev)
pkg_check_modules(libxml2 QUIET IMPORTED_TARGET libxml-2.0)
digest_require(libxml2_FOUND "libxml2 (RSS and Atom)" libxml2-dev)

if(DIGEST_BUILD_TESTS)
  find_package(GTest CONFIG QUIET)
  if(NOT GTest_FOUND)
    find_package(GTest QUIET)
  endif()
  digest_require(GTest_FOUND "GoogleTest" "libgtest-dev libgmock-dev")
endif()
if(DIGEST_BUILD_BENCH)
  find_package(benchmark CONFIG QUIET)
  digest_require(benchmark_FOUND "Google Benchmark" libbenchmark-dev)
endif()
