#pragma once

#include <QString>
#include <QStringView>

#include <compare>
#include <optional>

namespace retort {

// An alembic release number, X.Y.Z. Parsed from what a package says of itself
// (`__version__ = "1.13.2"`, `alembic-1.8.1.dev0.egg-info`): the suffix after the third
// number is ignored.
struct AlembicVersion
{
    int major = 0;
    int minor = 0;
    int patch = 0;

    static std::optional<AlembicVersion> parse(QStringView text);
    QString toString() const; // "1.13.2"

    // NOLINTNEXTLINE(modernize-use-nullptr): clang-tidy 14 misreads a defaulted <=>
    friend auto operator<=>(const AlembicVersion&, const AlembicVersion&) = default;
    friend bool operator==(const AlembicVersion&, const AlembicVersion&) = default;
};

} // namespace retort
