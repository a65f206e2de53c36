// C API: collections and digests as Arrow data (digest/c/arrow.h).
#include "capi/capi_internal.hpp"
#include "digest/arrow.hpp"
#include "digest/c/arrow.h"

DG_API int dg_collection_posts_to_arrow(const dg_collection* collection, ArrowSchema* schema,
                                        ArrowArray* array) {
  return dg::guard([&]() -> int {
    if (!collection) return dg::null_argument("collection");
    return dg::finish(digest::export_posts_arrow(collection->collection.posts(), schema, array));
  });
}

DG_API int dg_collection_sources_to_arrow(const dg_collection* collection, ArrowSchema* schema,
                                          ArrowArray* array) {
  return dg::guard([&]() -> int {
    if (!collection) return dg::null_argument("collection");
    return dg::finish(digest::export_sources_arrow(collection->collection.sources(), schema, array));
  });
}

DG_API int dg_digest_to_arrow(const dg_digest* digest, ArrowSchema* schema, ArrowArray* array) {
  return dg::guard([&]() -> int {
    if (!digest) return dg::null_argument("digest");
    return dg::finish(digest::export_digest_arrow(digest->digest, schema, array));
  });
}

DG_API int dg_collection_import_arrow(dg_collection* collection, ArrowArrayStream* stream,
                                      int ignore_unknown_columns, size_t* posts_added) {
  return dg::guard([&]() -> int {
    if (!collection) {
      if (stream && stream->release) stream->release(stream);  // consumed in every case
      return dg::null_argument("collection");
    }
    digest::ArrowImportOptions options;
    options.ignore_unknown_columns = ignore_unknown_columns != 0;
    auto r = digest::import_posts_arrow(collection->collection, stream, options);
    if (!r) return dg::set_error(r.error());
    if (posts_added) *posts_added = r->posts_added;
    return DG_OK;
  });
}
