// URLs as feeds give them: a matching key for posts (canonical_url) and
// RFC 3986 reference resolution for relative links (resolve_url). Bytes are
// bytes here: nothing is validated as UTF-8 and nothing throws on bad input
// (only on allocation failure).
#pragma once

#include <string>
#include <string_view>

namespace digest::detail {

// The key two posts are matched by: "" unless `url` (trimmed of ASCII
// whitespace) is an absolute http or https URL with a host, else the URL with
// - scheme "https" for both http and https, host in ASCII lower case (other
//   bytes, e.g. an IDN host's UTF-8, kept), trailing dots of the host dropped,
//   ports 80 and 443 (both schemes' defaults, the schemes being one here) and
//   an empty port dropped, others written without leading zeros;
// - escapes of unreserved characters decoded, other escapes' hex upper-cased,
//   a '%' that starts no escape written "%25" (so that a key is its own key);
// - "." and ".." segments resolved, trailing slashes dropped (not the root "/"),
//   an empty path written "/";
// - tracking parameters (utm_*, fbclid, gclid, … in any case) and empty ones
//   dropped, the others kept in order, no "?" when none is left;
// - no fragment.
// Other bytes (controls, spaces, ill-formed UTF-8) pass through unchanged.
std::string canonical_url(std::string_view url);

// RFC 3986 section 5.2 (strict): `ref` resolved against `base`. An absolute
// `ref` (one with a scheme) is returned as is, whatever its scheme: callers
// that make links still check them (safe.hpp). Both are trimmed of ASCII
// whitespace first. "" when `ref` is relative and `base` has no scheme.
std::string resolve_url(std::string_view base, std::string_view ref);

}  // namespace digest::detail
