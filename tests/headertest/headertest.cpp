// Compiled, never run: digest.h must stand alone as C++ too.
#include "digest/digest.h"

int digest_headertest_cxx() { return DG_OK; }
