#include "tests/bench/bench_catalog.hpp"

namespace askpro::bench {

persistence::tenant_catalog bench_catalog(const std::string& slug, int staff) {
  persistence::tenant_catalog c;
  c.company.slug = slug;
  c.company.name = "Bench " + slug;
  c.company.time_zone = "Europe/Berlin";
  c.company.locale = "de-DE";
  c.company.country = "DE";
  c.company.horizon_days = 365;
  persistence::branch_record b;
  b.slug = "main";
  b.name = "Main";
  b.time_zone = "Europe/Berlin";
  for (int wd = 0; wd < 7; ++wd) b.hours.push_back({wd, 0, 24 * 60});
  c.branches.push_back(b);
  persistence::service_record cut;
  cut.slug = "cut";
  cut.name = "Cut";
  c.services.push_back(cut);
  for (int i = 0; i < staff; ++i) {
    persistence::staff_record s;
    s.slug = "s" + std::to_string(100 + i);
    s.name = s.slug;
    s.branch_slug = "main";
    s.service_slugs = {"cut"};
    c.staff.push_back(s);
  }
  return c;
}

std::string bench_transcript() {
  std::string out;
  for (int turn = 0; turn < 6; ++turn)
    out +=
        "Agent: Guten Tag, Salon am Markt, was kann ich fuer Sie tun?\n"
        "User: Ich moechte einen Termin fuer einen Haarschnitt am Dienstag um zehn.\n";
  return out;
}

}  // namespace askpro::bench
