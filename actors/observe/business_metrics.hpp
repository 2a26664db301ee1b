#pragma once
/// The business metrics of the domain (contract.md "Metric names"):
///   askpro_function_calls_total{function,outcome}   voice (and later MCP) function calls
///   askpro_function_duration_seconds{function}      (histogram) from request to reply
///   askpro_bookings_total{tenant,source}            appointments made (phone, api, calcom)
///   askpro_calls_total{tenant}                      calls, once, when their record is created
///   askpro_call_seconds_total{tenant}               call duration (not billed time)
///   askpro_balance_cents{tenant}                    as the tenant's billing actor last saw it
///   askpro_jobs{status}                             jobs by status (the job queue's counts)
/// Labels come from bounded sets: canonical function names ("unknown" for others), error codes,
/// tenant slugs, booking sources. Call ids never.
/// Thread-safety: every function is safe from any thread; all are no-ops while metrics are off.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace askpro::actors::observe {

/// `outcome` is "ok" or the reply's error code.
void count_function(std::string_view function, std::string_view outcome, double seconds);
void count_booking(std::string_view tenant, std::string_view source);
/// One recorded call event: `created` when it made the call's record; `ended_duration_ms` once,
/// with the first delivery of call_ended.
void count_call_event(std::string_view tenant, bool created,
                      std::optional<int64_t> ended_duration_ms);

/// The queue's current counts by status (statuses missing from `counts` are set to 0).
void set_job_counts(const std::vector<std::pair<std::string, int64_t>>& counts);

/// The tenant's balance as last read or written.
void set_balance(std::string_view tenant, int64_t cents);

/// Registers the families above with the process's metrics (idempotent).
void register_business_metrics();

}  // namespace askpro::actors::observe
