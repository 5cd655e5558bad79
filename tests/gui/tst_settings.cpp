#include "app/settings.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace retort;

class TestSettings : public QObject
{
    Q_OBJECT

private slots:
    void recentProjects()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Settings settings(dir.filePath(QStringLiteral("settings.ini")));
        QVERIFY(settings.recentProjects().isEmpty());

        for (int i = 0; i < 12; ++i)
            settings.addRecentProject({QStringLiteral("/p%1/alembic.ini").arg(i), {}});
        QList<RecentProject> recent = settings.recentProjects();
        QCOMPARE(recent.size(), Settings::kMaxRecentProjects);
        QCOMPARE(recent.first().path, QStringLiteral("/p11/alembic.ini"));
        QCOMPARE(recent.last().path, QStringLiteral("/p2/alembic.ini"));

        // Re-adding moves to the front without duplicating; "alembic" is the default section.
        settings.addRecentProject({QStringLiteral("/p5/alembic.ini"), QStringLiteral("alembic")});
        recent = settings.recentProjects();
        QCOMPARE(recent.size(), Settings::kMaxRecentProjects);
        QCOMPARE(recent.first().path, QStringLiteral("/p5/alembic.ini"));
        QCOMPARE(recent.count(RecentProject{QStringLiteral("/p5/alembic.ini"), {}}), 1);

        // Another section of the same file is another entry.
        settings.addRecentProject({QStringLiteral("/p5/alembic.ini"), QStringLiteral("other")});
        QCOMPARE(settings.recentProjects().first().section, QStringLiteral("other"));

        settings.removeRecentProject({QStringLiteral("/p5/alembic.ini"), QStringLiteral("other")});
        QCOMPARE(settings.recentProjects().first().section, QString());

        settings.clearRecentProjects();
        QVERIFY(settings.recentProjects().isEmpty());
    }

    void connectionProfilesPerProject()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("settings.ini"));
        const RecentProject a{QStringLiteral("/p/a/alembic.ini"), QString()};
        const RecentProject aOther{QStringLiteral("/p/a/alembic.ini"), QStringLiteral("other")};
        const QByteArray json("[{\"name\":\"staging\",\"url\":\"postgresql://u@h/db\"}]");
        {
            Settings settings(file);
            QVERIFY(settings.connectionProfiles(a).isEmpty());
            settings.setConnectionProfiles(a, json);
            settings.setConnectionProfiles(aOther, "[]");
        }
        Settings settings(file);
        QCOMPARE(settings.connectionProfiles(a), json);
        // "alembic" is the default section: both spellings are the same project.
        QCOMPARE(settings.connectionProfiles({a.path, QStringLiteral("alembic")}), json);
        QCOMPARE(settings.connectionProfiles(aOther), QByteArray("[]"));
        QVERIFY(settings.connectionProfiles({QStringLiteral("/p/b/alembic.ini"), QString()}).isEmpty());
    }

    // The settings file holds URLs and environments: readable by its owner only, both when
    // Retort makes it and when an older version left it world-readable (issue 14).
    void fileIsPrivate()
    {
        QTemporaryDir dir;
        const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                                                QFileDevice::ReadOther | QFileDevice::WriteOther;
        const QString fresh = dir.filePath(QStringLiteral("sub/fresh.ini"));
        {
            Settings s(fresh);
            s.addRecentProject(RecentProject{QStringLiteral("/p/alembic.ini"), QStringLiteral("alembic")});
            s.sync();
        }
        QVERIFY(QFile::exists(fresh));
        QCOMPARE(QFile::permissions(fresh) & others, QFileDevice::Permissions());

        const QString old = dir.filePath(QStringLiteral("old.ini"));
        {
            QFile f(old);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("[General]\n");
        }
        QVERIFY(QFile::setPermissions(old, QFile::permissions(old) | QFileDevice::ReadGroup |
                                               QFileDevice::ReadOther));
        {
            Settings s(old);
            s.addRecentProject(RecentProject{QStringLiteral("/q/alembic.ini"), QStringLiteral("alembic")});
            s.sync();
        }
        QCOMPARE(QFile::permissions(old) & others, QFileDevice::Permissions());
        Settings reread(old);
        QCOMPARE(reread.recentProjects().size(), 1);
    }

    void persists()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("settings.ini"));
        {
            Settings settings(file);
            settings.setLastProject({QStringLiteral("/a/pyproject.toml"), QStringLiteral("x")});
            settings.setWindowGeometry(QByteArrayLiteral("geo"));
            settings.setWindowState(QByteArrayLiteral("state"));
            settings.addRecentProject({QStringLiteral("/a/pyproject.toml"), QStringLiteral("x")});
        }
        Settings settings(file);
        QCOMPARE(settings.lastProject().path, QStringLiteral("/a/pyproject.toml"));
        QCOMPARE(settings.lastProject().section, QStringLiteral("x"));
        QCOMPARE(settings.windowGeometry(), QByteArrayLiteral("geo"));
        QCOMPARE(settings.windowState(), QByteArrayLiteral("state"));
        QCOMPARE(settings.recentProjects().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"
