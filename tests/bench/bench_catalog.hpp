#pragma once
/// The benchmarks' tenant: one company in Berlin (de-DE), one branch "main" open round the clock,
/// one service "cut" and `staff` members s100, s101, … who all offer it. Each benchmark adjusts
/// what it measures differently (opening hours, a phone number, a remote calendar).

#include "persistence/repo/catalog_repo.hpp"

#include <string>

namespace askpro::bench {

[[nodiscard]] persistence::tenant_catalog bench_catalog(const std::string& slug, int staff);

/// A call's transcript as Retell sends it with call_ended (about 1.2 KB of German dialogue):
/// what the voice and crypto benchmarks seal and store.
std::string bench_transcript();

}  // namespace askpro::bench
