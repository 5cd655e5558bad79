#include "model/common/savefile.h"

#include <QCoreApplication>
#include <QSaveFile>

namespace retort {

Result<void> saveFile(const QString& path, const QByteArray& bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return Failure{QCoreApplication::translate("saveTextFile", "Cannot write %1: %2")
                           .arg(path, file.errorString())};
    return {};
}

} // namespace retort
