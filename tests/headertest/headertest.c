/* Compiled, never run: digest.h must stand alone as strict C11. */
#include "digest/digest.h"

int digest_headertest_c(void) { return DG_OK; }
