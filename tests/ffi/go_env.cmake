# The environment of the Go toolchain for the ffi tests (included by
# run_go_test.cmake and run_example.cmake): cgo against the built library
# and the source headers, offline, with every Go cache under the build tree.
#   INCLUDE_DIRS  header directories, separated by "|"
#   LIB_DIR       the directory of libdigest.so
#   WORK_DIR      where GOPATH and GOCACHE go
# Sets GO to the go executable; fails when there is none.
find_program(GO go)
if(NOT GO)
  message(FATAL_ERROR "go not found: install Debian's golang-go (scripts/install-deps does)")
endif()

string(REPLACE "|" ";" _include_dirs "${INCLUDE_DIRS}")
set(_cflags "")
foreach(dir ${_include_dirs})
  string(APPEND _cflags " -I${dir}")
endforeach()

# Go's build cache does not look at headers outside the package: a stamp of
# their contents in the flags makes a changed header (a new version.h, say)
# rebuild the cgo code.
set(_stamp "")
foreach(dir ${_include_dirs})
  file(GLOB_RECURSE _headers ${dir}/*.h)
  foreach(h ${_headers})
    file(MD5 ${h} _sum)
    string(APPEND _stamp ${_sum})
  endforeach()
endforeach()
string(MD5 _stamp "${_stamp}")

set(ENV{CGO_ENABLED} 1)
set(ENV{CGO_CFLAGS} "${_cflags} -O2 -g -DDG_HEADERS_STAMP=${_stamp}")
set(ENV{CGO_LDFLAGS} "-L${LIB_DIR} -Wl,-rpath,${LIB_DIR}")
set(ENV{GOPATH} ${WORK_DIR}/gopath)
set(ENV{GOCACHE} ${WORK_DIR}/gocache)
set(ENV{GOMODCACHE} ${WORK_DIR}/gopath/pkg/mod)
set(ENV{GOTOOLCHAIN} local)      # never fetch another toolchain
set(ENV{GOPROXY} off)            # nor any module: nothing here has a dependency
set(ENV{GOFLAGS} -buildvcs=false)
set(ENV{GO111MODULE} on)
file(MAKE_DIRECTORY ${WORK_DIR})
