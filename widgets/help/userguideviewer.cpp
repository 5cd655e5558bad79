// UserGuideViewer: the Markdown user guide in a QTextBrowser.
#include "widgets/help/userguideviewer.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace retort {

namespace {

constexpr auto kGuideName = "user-guide.md";
// A guide is a few hundred KB at most; anything bigger is not the guide.
constexpr qint64 kMaxGuideSize = 4 * 1024 * 1024;

} // namespace

UserGuideViewer::UserGuideViewer(QWidget* parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("userGuide"));
    setWindowTitle(tr("Retort User Guide"));
    setModal(false);
    m_browser = new QTextBrowser;
    m_browser->setObjectName(QStringLiteral("userGuideBrowser"));
    m_browser->setOpenExternalLinks(true);
    m_browser->setOpenLinks(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_browser, 1);
    layout->addWidget(buttons);
    resize(720, 640);
}

QStringList UserGuideViewer::candidatePaths()
{
    QStringList paths;
    const QString fromEnv = qEnvironmentVariable("RETORT_DOCS_DIR");
    if (!fromEnv.isEmpty())
        paths << QDir(fromEnv).filePath(QLatin1String(kGuideName));
    const QDir app(QCoreApplication::applicationDirPath());
    paths << app.filePath(QStringLiteral("../share/doc/retort/") + QLatin1String(kGuideName));
#ifdef RETORT_SOURCE_TREE
    paths << QDir(QStringLiteral(RETORT_SOURCE_TREE)).filePath(QStringLiteral("docs/") +
                                                               QLatin1String(kGuideName));
#endif
    for (QString& p : paths)
        p = QDir::cleanPath(p);
    paths.removeDuplicates();
    return paths;
}

QString UserGuideViewer::findGuide()
{
    for (const QString& path : candidatePaths()) {
        if (QFileInfo(path).isFile())
            return path;
    }
    return {};
}

bool UserGuideViewer::showGuide(const QString& path)
{
    QFile file(path);
    if (file.size() > kMaxGuideSize || !file.open(QIODevice::ReadOnly)) {
        m_path.clear();
        m_browser->setPlainText(tr("The user guide could not be read: %1 (%2)")
                                    .arg(QDir::toNativeSeparators(path), file.errorString()));
        return false;
    }
    m_path = path;
    m_browser->setSearchPaths({QFileInfo(path).absolutePath()});
    m_browser->setMarkdown(QString::fromUtf8(file.readAll()));
    return true;
}

bool UserGuideViewer::showInstalledGuide()
{
    const QString path = findGuide();
    if (!path.isEmpty())
        return showGuide(path);
    m_path.clear();
    QStringList looked;
    for (const QString& p : candidatePaths())
        looked << QDir::toNativeSeparators(p);
    m_browser->setPlainText(
        tr("The user guide is not installed. Retort looked for it here:\n\n%1\n\n"
           "Set RETORT_DOCS_DIR to the folder that holds user-guide.md.")
            .arg(looked.join(u'\n')));
    return false;
}

} // namespace retort
