// Double booking through the actors: 50 concurrent requests for one slot of one staff member
// end in exactly one appointment and 49 slot_taken answers carrying alternatives; two
// independent runtimes sharing one MariaDB still book the slot once.
#include "runtime/bridge.hpp"
#include "tests/integration/booking_fixture.hpp"
#include "tests/support/services.hpp"

#include <future>
#include <thread>
#include <vector>

using namespace askpro;
using namespace askpro::test;
using actors::calendar::book_reply;
using actors::calendar::check_status;

namespace {

struct race_outcome {
  int booked = 0, taken = 0, other = 0;
  bool alternatives_everywhere = true;
};

/// Threads that book the same slot, held at a gate until `open()` so they start together.
/// The gate also opens on destruction, so a failed REQUIRE never leaves threads waiting.
struct race {
  std::promise<void> gate;
  std::shared_future<void> opened = gate.get_future().share();
  bool is_open = false;
  std::vector<std::future<Result<book_reply>>> calls;

  void open() {
    if (!is_open) gate.set_value();
    is_open = true;
  }
  ~race() { open(); }

  /// Adds `count` threads booking anna's 10:00 slot on `node`.
  void launch(booking_node& node, int count) {
    auto booking = node.booking();
    for (int i = 0; i < count; ++i)
      calls.push_back(std::async(std::launch::async, [&node, booking, gate = opened] {
        gate.wait();
        return runtime::ask<book_reply>(node.sys(), booking, 60s,
                                        actors::calendar::book_atom::value,
                                        cut_at(berlin(2026, 12, 2, 10), std::string{"anna"}));
      }));
  }
};

void collect(std::vector<std::future<Result<book_reply>>>& futures, race_outcome& out) {
  for (auto& f : futures) {
    auto r = f.get();
    if (!r) {
      ++out.other;
      UNSCOPED_INFO("error: " << describe(r.error()));
      continue;
    }
    if (r->booked) {
      ++out.booked;
    } else if (r->status == check_status::slot_taken) {
      ++out.taken;
      if (r->alternatives.empty()) out.alternatives_everywhere = false;
    } else {
      ++out.other;
    }
  }
}

}  // namespace

BOOKING_CASE("Fifty concurrent bookings of one slot through the actors - one wins", "[race]") {
  seed_salon(db);
  booking_node n{db.settings()};
  race r;
  r.launch(n, 50);
  r.open();
  race_outcome out;
  collect(r.calls, out);
  CHECK(out.booked == 1);
  CHECK(out.taken == 49);
  CHECK(out.other == 0);
  CHECK(out.alternatives_everywhere);
  CHECK(count_booked(db) == 1);
}

TEST_CASE("Two runtimes sharing MariaDB book one slot once - mysql", "[booking][mysql][race]") {
  with_mysql([](backend& db) {
    seed_salon(db);
    booking_node a{db.settings()};
    booking_node b{db.settings()};
    race r;
    r.launch(a, 25);
    r.launch(b, 25);
    r.open();
    race_outcome out;
    collect(r.calls, out);
    CHECK(out.booked == 1);
    CHECK(out.taken == 49);
    CHECK(out.other == 0);
    CHECK(out.alternatives_everywhere);
    CHECK(count_booked(db) == 1);
  });
}
