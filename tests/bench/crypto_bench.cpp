// What sealing personal data costs (SPEC S11): sealing and opening the fields one webhook or
// function call touches, and the blind index of a number, in microseconds per operation on this
// machine. With the voice bench's figures (events per second per core) this gives the share of
// an event's time that encryption takes: the voice bench itself always runs with it on.
#include "persistence/crypto/field_cipher.hpp"
#include "persistence/crypto/keyring.hpp"
#include "tests/support/test_keys.hpp"

#include <chrono>
#include <cstdio>
#include <string>

using namespace askpro;

namespace {

template <class Fn>
double micros_per_op(int n, Fn&& fn) {
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < n; ++i) fn(i);
  const std::chrono::duration<double, std::micro> took = std::chrono::steady_clock::now() - start;
  return took.count() / n;
}

}  // namespace

int main() {
  const auto& keys = *test::test_data_keys();
  const std::string number = "+4915112345678";
  const std::string body(1500, 'x');  // a call event's body as the inbox keeps it
  const auto aad = persistence::field_aad(42, "webhook_inbox.payload");
  const auto sealed_body = *persistence::seal_field(keys, body, aad);
  std::size_t sink = 0;
  const int n = 200000;
  auto seal_number =
      micros_per_op(n, [&](int) { sink += persistence::seal_field(keys, number, aad)->size(); });
  auto seal_body =
      micros_per_op(n, [&](int) { sink += persistence::seal_field(keys, body, aad)->size(); });
  auto open_body = micros_per_op(
      n, [&](int) { sink += persistence::open_field(keys, sealed_body, aad)->size(); });
  auto index =
      micros_per_op(n, [&](int i) { sink += persistence::phone_index(keys, i, number).size(); });
  std::printf("operation                                 us/op\n");
  std::printf("seal a number (15 bytes)               %8.2f\n", seal_number);
  std::printf("seal a webhook body (1500 bytes)       %8.2f\n", seal_body);
  std::printf("open a webhook body (1500 bytes)       %8.2f\n", open_body);
  std::printf("blind index of a number                %8.2f\n", index);
  // call_started: the inbox body and the caller's number sealed, the number's index looked up;
  // call_ended adds the transcript (about a body) and opens the inbox row once.
  const double started = seal_body + seal_number + index;
  const double ended = 2 * seal_body + open_body + index;
  std::printf("per call_started event (seal body, seal number, index)  %8.2f us\n", started);
  std::printf("per call_ended event (seal body and transcript, open, index) %8.2f us\n", ended);
  std::printf("(checksum %zu)\n", sink % 10);
  return 0;
}
