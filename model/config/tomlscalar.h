#pragma once

#include "model/common/result.h"

#include <QCoreApplication>
#include <QString>
#include <QVariant>

namespace retort {

// A TOML value written without quotes or brackets: a boolean, an integer (decimal, 0x, 0o,
// 0b, underscores), a float (inf and nan included), an offset or local date-time, a date or
// a time. Fails with what is wrong with the token.
class TomlScalar
{
    // Its messages share the config readers' translation context "retort".
    Q_DECLARE_TR_FUNCTIONS(retort)

public:
    static Result<QVariant> parse(const QString& token);
};

} // namespace retort
