/* Built against the installed package, through CMake (find_package) and
 * through `cc -std=c11 main.c $(pkg-config --cflags --libs digestcore-c)`. */
#include <stdio.h>
#include <string.h>

#include "digest/digestcore.h"

int main(void) {
  static const char json[] = "{\"digestcore\":1,\"posts\":[{\"id\":\"p1\",\"posted_on\":\"2021-08-17\"}]}";
  dg_collection *c = NULL;
  dg_digest *d = NULL;
  size_t added = 0, n = 0;
  if (dg_collection_new(&c) != DG_OK) return 1;
  if (dg_collection_import_json(c, json, strlen(json), DG_FORMAT_DETECT, &added) != DG_OK) {
    printf("import failed: %s\n", dg_last_error());
    return 1;
  }
  if (dg_digest_build_week(c, "2021-W33", 8, &d) != DG_OK || dg_digest_post_count(d, &n) != DG_OK ||
      n != 1) {
    printf("digest failed: %s\n", dg_last_error());
    return 1;
  }
  dg_digest_free(d);
  dg_collection_free(c);
  if (dg_version_number() != DG_VERSION_NUMBER) return 1;
  printf("digestcore %s c ok\n", dg_version());
  return 0;
}
