#pragma once

#include "model/common/result.h"

#include <QString>
#include <QVariant>

namespace retort {

// A TOML value written without quotes or brackets: a boolean, an integer (decimal, 0x, 0o,
// 0b, underscores), a float (inf and nan included), an offset or local date-time, a date or
// a time. Fails with what is wrong with the token.
class TomlScalar
{
public:
    static Result<QVariant> parse(const QString& token);
};

} // namespace retort
