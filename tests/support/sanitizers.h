#pragma once

// How much slower the same work runs in this build: the asan preset (clang, AddressSanitizer
// + UBSan at -O1, libFuzzer coverage in retort_model) runs CPU-bound code several times
// slower than the release build. The few tests that bound a duration to catch a blow-up
// (quadratic parsing, a wait that never ends) scale their bound by it; nothing else should.
namespace retort::test {

#if defined(__SANITIZE_ADDRESS__)
inline constexpr int kSanitizerSlowdown = 5;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr int kSanitizerSlowdown = 5;
#else
inline constexpr int kSanitizerSlowdown = 1;
#endif
#else
inline constexpr int kSanitizerSlowdown = 1;
#endif

} // namespace retort::test
