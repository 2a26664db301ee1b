#pragma once
/// Counts the payload bytes of a `Transfer-Encoding: chunked` body as its wire bytes pass by,
/// without decoding or copying them, so the edge can bound a chunked body by the same
/// `http.max_body_bytes` as one with a Content-Length (RFC 9112 §7.1: hex size, optional
/// extensions, CRLF, data, CRLF; a zero size ends the body, trailers follow).
/// Thread-safety: one instance per request, used by one thread. Errors: malformed framing is
/// left to the HTTP library's own parser; the meter only stops counting.

#include <cstddef>
#include <cstdint>

namespace askpro::net::http {

class chunk_meter {
 public:
  /// Feeds the next wire bytes of the body.
  void feed(const char* data, std::size_t n);

  /// Payload bytes seen so far.
  std::uint64_t payload() const { return payload_; }

 private:
  enum class state { size, extension, size_lf, data, data_cr, data_lf, trailer };

  std::size_t step(const char* data, std::size_t n);
  void on_size_char(char c);

  state state_ = state::size;
  std::uint64_t chunk_left_ = 0;
  std::uint64_t payload_ = 0;
};

}  // namespace askpro::net::http
