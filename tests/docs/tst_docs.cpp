// The docs' pictures against the tool that makes them: every image README.md,
// docs/user-guide.md and packaging/*.metainfo.xml reference is in docs/screenshots and is one
// of retort-screenshots' scenes (and docs/screenshots holds nothing else); the user guide's
// images load in the in-app viewer, from the source tree and from the installed layout; and
// the driver, run offscreen on the demo, makes every scene as a full-size, non-blank PNG.
#include "widgets/help/userguideviewer.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTextDocument>

using namespace retort;

namespace {

const QString kSource = QStringLiteral(RETORT_SOURCE_DIR);
const QString kScreenshots = QStringLiteral(RETORT_SOURCE_DIR "/docs/screenshots");
// AppStream names the pictures by their address on the home page's main branch.
const QString kRawPrefix =
    QStringLiteral("https://raw.githubusercontent.com/retort/retort/main/docs/screenshots/");

QString readText(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

// Markdown images (![alt](target)) and HTML ones (<img src="target">).
QStringList markdownImages(const QString& text)
{
    static const QRegularExpression markdown(QStringLiteral(R"(!\[[^\]]*\]\(\s*([^)\s]+))"));
    static const QRegularExpression html(QStringLiteral(R"(<img\s[^>]*src\s*=\s*["']([^"']+))"));
    QStringList images;
    for (const QRegularExpression* re : {&markdown, &html})
        for (auto it = re->globalMatch(text); it.hasNext();)
            images << it.next().captured(1);
    return images;
}

struct Reference
{
    QString document; // relative to the source tree
    QString target;   // as written
    QString file;     // the file it names, absolute (empty: names no file of the tree)
};

// Every image the three kinds of document name, resolved to a file of the tree.
QList<Reference> imageReferences()
{
    QList<Reference> refs;
    for (const QString& doc : {QStringLiteral("README.md"), QStringLiteral("docs/user-guide.md")}) {
        const QString dir = QFileInfo(kSource + u'/' + doc).absolutePath();
        for (const QString& target : markdownImages(readText(kSource + u'/' + doc)))
            refs.append({doc, target,
                         target.contains(QLatin1String("://"))
                             ? QString()
                             : QDir::cleanPath(QDir(dir).absoluteFilePath(target))});
    }
    static const QRegularExpression image(QStringLiteral(R"(<image[^>]*>\s*([^<\s]+)\s*</image>)"));
    const QStringList metainfos =
        QDir(kSource + QStringLiteral("/packaging")).entryList({QStringLiteral("*.metainfo.xml")});
    for (const QString& name : metainfos) {
        const QString doc = QStringLiteral("packaging/") + name;
        for (auto it = image.globalMatch(readText(kSource + u'/' + doc)); it.hasNext();) {
            const QString url = it.next().captured(1);
            refs.append({doc, url,
                         url.startsWith(kRawPrefix) ? kScreenshots + u'/' + url.mid(kRawPrefix.size())
                                                    : QString()});
        }
    }
    return refs;
}

QStringList driverScenes()
{
    QProcess driver;
    driver.start(QStringLiteral(RETORT_SCREENSHOTS_PATH), {QStringLiteral("--list")});
    if (!driver.waitForFinished(30000) || driver.exitCode() != 0)
        return {};
    QStringList names;
    for (const QString& line : QString::fromUtf8(driver.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts))
        names << line.section(u'\t', 0, 0);
    return names;
}

// Whether the guide at `guide` shows every image it names (the viewer resolves them against
// the guide's folder, as Help → User Guide does); the ones it cannot load go to `missing`.
bool guideImagesLoad(const QString& guide, QStringList* missing)
{
    UserGuideViewer viewer;
    if (!viewer.showGuide(guide))
        return false;
    QTextDocument* document = viewer.browser()->document();
    for (const QString& target : markdownImages(readText(guide))) {
        const QVariant resource = document->resource(QTextDocument::ImageResource, QUrl(target));
        const QImage image = resource.value<QImage>();
        const bool loaded = !image.isNull() || !resource.value<QPixmap>().isNull()
                            || !QImage::fromData(resource.toByteArray()).isNull();
        if (!loaded)
            missing->append(target);
    }
    return true;
}

} // namespace

class TestDocs : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_scenes = driverScenes();
        QVERIFY2(m_scenes.size() >= 9, qPrintable(m_scenes.join(u' ')));
    }

    // Every picture the docs show is in docs/screenshots and made by the driver.
    void referencedImagesAreScenes()
    {
        const QList<Reference> refs = imageReferences();
        QSet<QString> documents;
        for (const Reference& ref : refs)
            documents.insert(ref.document);
        QVERIFY2(documents.contains(QStringLiteral("README.md")), "the README shows no picture");
        QVERIFY2(documents.contains(QStringLiteral("docs/user-guide.md")), "the guide shows no picture");
        for (const Reference& ref : refs) {
            const QString where = ref.document + QStringLiteral(": ") + ref.target;
            QVERIFY2(!ref.file.isEmpty(), qPrintable(where + QStringLiteral(" is not in docs/screenshots")));
            const QFileInfo file(ref.file);
            QVERIFY2(file.absolutePath() == QDir::cleanPath(kScreenshots),
                     qPrintable(where + QStringLiteral(" is not in docs/screenshots")));
            QVERIFY2(file.isFile(), qPrintable(where + QStringLiteral(" does not exist")));
            QVERIFY2(file.suffix() == QLatin1String("png") && m_scenes.contains(file.completeBaseName()),
                     qPrintable(where + QStringLiteral(" is not made by scripts/screenshots")));
        }
    }

    // docs/screenshots holds the scenes and nothing else: a picture no scene makes would go
    // stale unnoticed.
    void screenshotsFolderHoldsOnlyScenes()
    {
        const QStringList files = QDir(kScreenshots).entryList(QDir::Files);
        for (const QString& file : files)
            QVERIFY2(file.endsWith(QLatin1String(".png")) && m_scenes.contains(file.chopped(4)),
                     qPrintable(file + QStringLiteral(" is not a scene of scripts/screenshots")));
        for (const QString& scene : std::as_const(m_scenes))
            QVERIFY2(files.contains(scene + QStringLiteral(".png")),
                     qPrintable(scene + QStringLiteral(".png is missing from docs/screenshots")));
    }

    // Help → User Guide shows the pictures, in the tree and installed
    // (share/doc/retort/user-guide.md beside share/doc/retort/screenshots/).
    void guideImagesShowInTheViewer()
    {
        QStringList missing;
        QVERIFY(guideImagesLoad(kSource + QStringLiteral("/docs/user-guide.md"), &missing));
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(u' ')));
        QVERIFY(!markdownImages(readText(kSource + QStringLiteral("/docs/user-guide.md"))).isEmpty());

        QTemporaryDir prefix;
        const QString doc = prefix.filePath(QStringLiteral("share/doc/retort"));
        QVERIFY(QDir().mkpath(doc + QStringLiteral("/screenshots")));
        QVERIFY(QFile::copy(kSource + QStringLiteral("/docs/user-guide.md"),
                            doc + QStringLiteral("/user-guide.md")));
        for (const QString& file : QDir(kScreenshots).entryList(QDir::Files))
            QVERIFY(QFile::copy(kScreenshots + u'/' + file, doc + QStringLiteral("/screenshots/") + file));
        QVERIFY(guideImagesLoad(doc + QStringLiteral("/user-guide.md"), &missing));
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(u' ')));
    }

    // The driver still reaches every scene in today's window: a full-size picture each, with
    // something on it.
    void driverMakesEveryScene()
    {
        QTemporaryDir out;
        QProcess driver;
        driver.setProcessChannelMode(QProcess::MergedChannels);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("RETORT_KEYCHAIN"), QStringLiteral("off"));
        driver.setProcessEnvironment(env);
        driver.start(QStringLiteral(RETORT_SCREENSHOTS_PATH),
                     {out.path(), QStringLiteral("--python"), QStringLiteral(RETORT_TEST_PYTHON)});
        QVERIFY(driver.waitForFinished(480000)); // the asan build is several times slower
        const QString output = QString::fromUtf8(driver.readAll());
        QVERIFY2(driver.exitStatus() == QProcess::NormalExit && driver.exitCode() == 0,
                 qPrintable(output));
        for (const QString& scene : std::as_const(m_scenes)) {
            const QImage image(out.filePath(scene + QStringLiteral(".png")));
            QVERIFY2(!image.isNull(), qPrintable(scene + QStringLiteral(".png was not made")));
            QCOMPARE(image.size(), QSize(1280, 800));
            // not blank: many colours, none covering all of it (the welcome page is mostly
            // window background: 97 % of it)
            QHash<QRgb, int> counts;
            for (int y = 0; y < image.height(); y += 4)
                for (int x = 0; x < image.width(); x += 4)
                    ++counts[image.pixel(x, y)];
            int most = 0;
            for (int n : std::as_const(counts))
                most = std::max(most, n);
            const int samples = (image.width() / 4) * (image.height() / 4);
            QVERIFY2(counts.size() > 32, qPrintable(scene));
            QVERIFY2(most < samples * 99 / 100, qPrintable(scene));
        }
    }

private:
    QStringList m_scenes;
};

QTEST_MAIN(TestDocs)
#include "tst_docs.moc"
