#pragma once
/// The outcome of checking a provider's webhook signature, shared by Retell, Cal.com and Stripe
/// (net/<provider>/signature.hpp). Thread-safety: plain values.

namespace askpro::net::http {

enum class verdict {
  valid,
  missing,    ///< no header or an empty one
  malformed,  ///< not of the provider's format
  stale,      ///< signed too long ago, or too far ahead (providers that sign a time)
  mismatch,   ///< the digest does not match (forged, altered body, another secret)
};

/// "valid", "missing", "malformed", "stale", "mismatch".
inline const char* to_string(verdict v) {
  switch (v) {
    case verdict::valid:
      return "valid";
    case verdict::missing:
      return "missing";
    case verdict::malformed:
      return "malformed";
    case verdict::stale:
      return "stale";
    case verdict::mismatch:
      return "mismatch";
  }
  return "mismatch";
}

}  // namespace askpro::net::http
