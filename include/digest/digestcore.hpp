// digestcore's C++ API in one include. Each header below is one module; a
// program that needs only some of them may include those alone. (The C API's
// umbrella is digest/digestcore.h.)
#pragma once

#include "digest/result.hpp"        // errors as values
#include "digest/io.hpp"            // files: bounded reads, atomic writes
#include "digest/model.hpp"         // Post, Source, Collection, DateTime
#include "digest/outlet_lookup.hpp" // what attribution asks of an outlet list
#include "digest/normalize.hpp"     // display text, search keys, tokens
#include "digest/dates.hpp"         // dates in many languages and calendars
#include "digest/attribution.hpp"   // "Author, Outlet, Date:… text" lines
#include "digest/sources.hpp"       // the source registry
#include "digest/entities.hpp"      // the gazetteer and entity tagging
#include "digest/digest.hpp"        // periods and digests
#include "digest/json.hpp"          // JSON import/export, registry and gazetteer files
#include "digest/render.hpp"        // Markdown, JSON and JSON Feed digests
#include "digest/arrow.hpp"         // collections and digests as Arrow columns
#include "digest/curate.hpp"        // the curation pipeline
