#include "actors/observe/business_metrics.hpp"

#include "runtime/metrics/family.hpp"
#include "runtime/metrics/registry.hpp"

namespace askpro::actors::observe {
namespace {

namespace metrics = runtime::metrics;

struct business_families {
  metrics::family<metrics::counter, 2> functions{
      "askpro_function_calls_total",
      "Voice and MCP function calls by function and outcome.",
      {"function", "outcome"}};
  metrics::family<metrics::histogram, 1> function_seconds{
      "askpro_function_duration_seconds",
      "Time to answer a function call, by function.",
      {"function"}};
  metrics::family<metrics::counter, 2> bookings{
      "askpro_bookings_total", "Appointments booked, by tenant and source.", {"tenant", "source"}};
  metrics::family<metrics::counter, 1> calls{"askpro_calls_total", "Calls, by tenant.", {"tenant"}};
  /// Kept in milliseconds, exported in seconds.
  metrics::family<metrics::counter, 1> call_ms{
      "askpro_call_seconds_total",
      "Call duration in seconds (not billed time), by tenant.",
      {"tenant"},
      0.001};
  metrics::family<metrics::gauge, 1> balance{
      "askpro_balance_cents", "Prepaid balance in cents, by tenant.", {"tenant"}};
  metrics::family<metrics::gauge, 1> jobs{
      "askpro_jobs", "Jobs in the queue, by status.", {"status"}};
};

business_families& families() {
  static business_families f;
  return f;
}

}  // namespace

void count_function(std::string_view function, std::string_view outcome, double seconds) {
  if (!metrics::enabled()) return;
  families().functions.at({function, outcome}).add();
  families().function_seconds.at({function}).observe(seconds);
}

void count_booking(std::string_view tenant, std::string_view source) {
  if (metrics::enabled()) families().bookings.at({tenant, source}).add();
}

void count_call_event(std::string_view tenant, bool created,
                      std::optional<int64_t> ended_duration_ms) {
  if (!metrics::enabled()) return;
  if (created) families().calls.at({tenant}).add();
  if (ended_duration_ms && *ended_duration_ms > 0)
    families().call_ms.at({tenant}).add(static_cast<uint64_t>(*ended_duration_ms));
}

void set_job_counts(const std::vector<std::pair<std::string, int64_t>>& counts) {
  if (!metrics::enabled()) return;
  for (const char* status : {"queued", "running", "done", "dead", "cancelled"}) {
    int64_t n = 0;
    for (const auto& [s, count] : counts)
      if (s == status) n = count;
    families().jobs.at({status}).set(n);
  }
}

void set_balance(std::string_view tenant, int64_t cents) {
  if (!metrics::enabled()) return;
  families().balance.at({std::string{tenant}}).set(cents);
}

void register_business_metrics() {
  metrics::registry::global().add("business", [](metrics::exposition& out) {
    auto& f = families();
    f.functions.render(out, "counter");
    f.function_seconds.render(out, "histogram");
    f.bookings.render(out, "counter");
    f.calls.render(out, "counter");
    f.call_ms.render(out, "counter");
    f.balance.render(out, "gauge");
    f.jobs.render(out, "gauge");
  });
}

}  // namespace askpro::actors::observe
