// busy_index: blocked spans per staff with buffers, expiry, merging and removal.
#include "engine_fixture.hpp"

#include <catch2/catch.hpp>

using namespace askpro::actors::booking;
using namespace askpro::actors::booking::test;

namespace {

const time_point t0 = utc(2026, 12, 2, 8);

time_point at(int minute) {
  return t0 + minutes{minute};
}

}  // namespace

TEST_CASE("busy_index returns buffered spans overlapping the window", "[busy_index]") {
  busy_index idx;
  idx.add(appointment_block{"anna", at(60), at(90), minutes{10}, minutes{5}});
  idx.add(appointment_block{"ben", at(0), at(600), minutes{0}, minutes{0}});
  auto anna = idx.blocked("anna", at(0), at(200), t0);
  REQUIRE(anna.size() == 1);
  CHECK(anna[0].start == at(50));
  CHECK(anna[0].end == at(95));
  CHECK(idx.blocked("anna", at(95), at(200), t0).empty());  // half-open
  CHECK(idx.blocked("anna", at(0), at(50), t0).empty());
  CHECK(idx.blocked("carl", at(0), at(900), t0).empty());
}

TEST_CASE("busy_index finds a long span that started before the window", "[busy_index]") {
  busy_index idx;
  idx.add(appointment_block{"ben", at(0), at(600), minutes{0}, minutes{0}});
  for (int i = 0; i < 20; ++i)
    idx.add(appointment_block{"ben", at(700 + 30 * i), at(715 + 30 * i), minutes{0}, minutes{0}});
  auto found = idx.blocked("ben", at(500), at(520), t0);
  REQUIRE(found.size() == 1);
  CHECK(found[0].start == at(0));
  CHECK(found[0].end == at(600));
}

TEST_CASE("busy_index merges overlapping and touching spans", "[busy_index]") {
  busy_index idx;
  idx.add(appointment_block{"anna", at(0), at(30), minutes{0}, minutes{0}});
  idx.add(appointment_block{"anna", at(30), at(60), minutes{0}, minutes{0}});
  idx.add(appointment_block{"anna", at(40), at(50), minutes{0}, minutes{0}});
  idx.add(appointment_block{"anna", at(90), at(100), minutes{0}, minutes{0}});
  auto found = idx.blocked("anna", at(0), at(200), t0);
  REQUIRE(found.size() == 2);
  CHECK(found[0].end == at(60));
  CHECK(found[1].start == at(90));
}

TEST_CASE("busy_index ignores expired reservations and can drop them", "[busy_index]") {
  busy_index idx;
  idx.add(reservation_block{"anna", at(0), at(30), minutes{0}, minutes{0}, t0 + minutes{5}});
  CHECK(idx.blocked("anna", at(0), at(60), t0).size() == 1);
  CHECK(idx.blocked("anna", at(0), at(60), t0 + minutes{5}).empty());
  CHECK(idx.size() == 1);
  idx.drop_expired(t0 + minutes{4});
  CHECK(idx.size() == 1);
  idx.drop_expired(t0 + minutes{5});
  CHECK(idx.size() == 0);
}

TEST_CASE("busy_index removes exactly the given entry", "[busy_index]") {
  appointment_block a{"anna", at(0), at(30), minutes{5}, minutes{5}};
  reservation_block r{"anna", at(0), at(30), minutes{5}, minutes{5}, t0 + minutes{5}};
  busy_index idx{{a}, {r}};
  CHECK(idx.size() == 2);
  CHECK_FALSE(idx.remove(appointment_block{"anna", at(0), at(30), minutes{0}, minutes{5}}));
  CHECK(idx.remove(a));
  CHECK_FALSE(idx.remove(a));
  CHECK(idx.size() == 1);
  CHECK(idx.blocked("anna", at(0), at(60), t0).size() == 1);  // the reservation stays
  CHECK(idx.remove(r));
  CHECK(idx.blocked("anna", at(-60), at(60), t0).empty());
}
