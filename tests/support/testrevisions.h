#pragma once
// Building hand-made revision lists in tests: `rev("m", "a b", "label", "dep")`.

#include "model/script/revision.h"

#include <QStringList>

namespace retort::test {

// "a b c" -> {"a", "b", "c"}
inline QStringList ids(const char* spaceSeparated)
{
    return QString::fromUtf8(spaceSeparated).split(u' ', Qt::SkipEmptyParts);
}

inline Revision rev(const char* id, const char* downs = "", const char* labels = "",
                    const char* deps = "")
{
    Revision r;
    r.id = QString::fromUtf8(id);
    r.downRevisions = ids(downs);
    r.branchLabels = ids(labels);
    r.dependsOn = ids(deps);
    r.path = QStringLiteral("/p/versions/%1.py").arg(r.id);
    r.message = QStringLiteral("message of %1").arg(r.id);
    return r;
}

} // namespace retort::test
