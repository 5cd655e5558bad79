#include "common/savetextfile.h"

#include <QCoreApplication>
#include <QSaveFile>

namespace retort {

Result<void> saveTextFile(const QString& path, const QString& text)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Failure{QCoreApplication::translate("saveTextFile", "Cannot write %1: %2")
                           .arg(path, file.errorString())};
    const QByteArray bytes = text.toUtf8();
    if (file.write(bytes) != bytes.size() || !file.commit())
        return Failure{QCoreApplication::translate("saveTextFile", "Cannot write %1: %2")
                           .arg(path, file.errorString())};
    return {};
}

} // namespace retort
