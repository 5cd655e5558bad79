#pragma once

#include <QString>

namespace retort {

// Whether changing a column's type from one SQLAlchemy type (as written in a migration, e.g.
// "sa.String(length=255)") to another can lose data: a shorter string, a smaller integer, a
// lower precision or scale, any type to Boolean, a date-time to a date...
class TypeNarrowing
{
public:
    enum class Verdict
    {
        Widens,   // every value fits (or the types are the same)
        Narrows,  // values may not fit: data can be lost
        MayNarrow // Retort cannot tell (an unknown type, or the old type is not written)
    };
    static Verdict judge(const QString& fromType, const QString& toType);
};

} // namespace retort
