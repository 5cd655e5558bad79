#include "model/common/latestjob.h"

namespace retort::detail {

JobCourier::~JobCourier() = default;

} // namespace retort::detail
