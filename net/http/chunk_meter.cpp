#include "net/http/chunk_meter.hpp"

#include <algorithm>

namespace askpro::net::http {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

constexpr std::uint64_t size_cap = std::uint64_t{1} << 56;  ///< beyond any sane chunk

}  // namespace

void chunk_meter::feed(const char* data, std::size_t n) {
  while (n > 0) {
    auto used = step(data, n);
    data += used;
    n -= used;
  }
}

void chunk_meter::on_size_char(char c) {
  const int v = hex_value(c);
  if (v >= 0) {
    chunk_left_ = std::min(size_cap, chunk_left_ * 16 + static_cast<std::uint64_t>(v));
  } else if (c == '\r') {
    state_ = state::size_lf;
  } else if (c == '\n') {
    state_ = chunk_left_ == 0 ? state::trailer : state::data;
  } else {
    state_ = state::extension;  // ";name=value" or whitespace before it
  }
}

/// Consumes a prefix of `data` (at least one byte) and returns its length.
std::size_t chunk_meter::step(const char* data, std::size_t n) {
  const char c = data[0];
  switch (state_) {
    case state::size:
      on_size_char(c);
      return 1;
    case state::extension:
      if (c == '\r') state_ = state::size_lf;
      if (c == '\n') state_ = chunk_left_ == 0 ? state::trailer : state::data;
      return 1;
    case state::size_lf:
      state_ = chunk_left_ == 0 ? state::trailer : state::data;
      return 1;
    case state::data: {
      auto take = static_cast<std::size_t>(std::min<std::uint64_t>(chunk_left_, n));
      payload_ += take;
      chunk_left_ -= take;
      if (chunk_left_ == 0) state_ = state::data_cr;
      return take;
    }
    case state::data_cr:
      state_ = c == '\n' ? state::size : state::data_lf;
      return 1;
    case state::data_lf:
      state_ = state::size;
      return 1;
    case state::trailer:
      return n;  // the payload has ended; trailers do not count
  }
  return n;
}

}  // namespace askpro::net::http
