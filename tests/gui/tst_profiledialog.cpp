// The connection profile dialog's secrets: the password masked with a Show toggle, a password
// typed into the URL moved to its own field, secret environment values masked and kept, a
// saved secret never fetched left as saved, and a URL query secret refused.
#include "model/config/connectionprofile.h"
#include "widgets/databases/profiledialog.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTest>
#include <QToolButton>

using namespace retort;

namespace {

struct Fields
{
    explicit Fields(ProfileDialog& d)
        : url(d.findChild<QLineEdit*>(QStringLiteral("url"))),
          password(d.findChild<QLineEdit*>(QStringLiteral("password"))),
          environment(d.findChild<QPlainTextEdit*>(QStringLiteral("environment"))),
          reveal(d.findChild<QToolButton*>(QStringLiteral("revealSecrets")))
    {
    }
    bool valid() const { return url && password && environment && reveal; }
    QLineEdit* url;
    QLineEdit* password;
    QPlainTextEdit* environment;
    QToolButton* reveal;
};

ConnectionProfile savedProfile()
{
    ConnectionProfile p(QStringLiteral("prod"), QStringLiteral("postgresql://u:Pw-Saved-1@db/app"));
    p.setEnvironment({{QStringLiteral("PGPASSWORD"), QStringLiteral("Env-Secret-2")},
                      {QStringLiteral("APP_ENV"), QStringLiteral("prod")}});
    return p;
}

} // namespace

class TestProfileDialog : public QObject
{
    Q_OBJECT

private slots:
    void scratchOrProtectedNeverBoth()
    {
        ProfileDialog dialog(ConnectionProfile(QStringLiteral("throwaway"),
                                               QStringLiteral("sqlite:///scratch.db")),
                             {}, {});
        auto* scratch = dialog.findChild<QCheckBox*>(QStringLiteral("scratch"));
        auto* protect = dialog.findChild<QCheckBox*>(QStringLiteral("protected"));
        auto* note = dialog.findChild<QLabel*>(QStringLiteral("scratchNote"));
        QVERIFY(scratch && protect && note);
        QVERIFY(!scratch->isChecked());
        QVERIFY(note->isHidden());
        scratch->click();
        QVERIFY(dialog.profile().isScratch());
        QVERIFY(!protect->isEnabled()); // a scratch database is not one to protect
        QVERIFY(!note->isHidden());     // and what it means is said
        QVERIFY(note->text().contains(QLatin1String("destroys")));
        QVERIFY2(dialog.validationError().isEmpty(), qPrintable(dialog.validationError()));
        scratch->click();
        protect->click();
        QVERIFY(!scratch->isEnabled());
        QVERIFY(!dialog.profile().isScratch());

        // the ini's own database is the project's: never scratch
        ConnectionProfile ini(QStringLiteral("ini"));
        ini.setScratch(true);
        ProfileDialog onIni(ini, {}, {});
        QVERIFY(onIni.validationError().contains(QLatin1String("project's own database")));
    }

    void storedSecretsAreMaskedUntilShown()
    {
        ProfileDialog dialog(savedProfile(), {}, {});
        Fields f(dialog);
        QVERIFY(f.valid());
        QCOMPARE(f.url->text(), QStringLiteral("postgresql://u@db/app"));
        QCOMPARE(f.password->echoMode(), QLineEdit::Password);
        QCOMPARE(f.password->text(), QStringLiteral("Pw-Saved-1"));
        QVERIFY(!f.environment->toPlainText().contains(QStringLiteral("Env-Secret-2")));
        QVERIFY(f.environment->toPlainText().contains(QStringLiteral("PGPASSWORD=") +
                                                      ProfileDialog::mask()));
        QVERIFY(f.environment->toPlainText().contains(QStringLiteral("APP_ENV=prod")));

        f.reveal->click();
        QVERIFY(dialog.secretsRevealed());
        QCOMPARE(f.password->echoMode(), QLineEdit::Normal);
        QVERIFY(f.environment->toPlainText().contains(QStringLiteral("PGPASSWORD=Env-Secret-2")));
        f.reveal->click();
        QCOMPARE(f.password->echoMode(), QLineEdit::Password);
        QVERIFY(!f.environment->toPlainText().contains(QStringLiteral("Env-Secret-2")));

        // unchanged masks keep the saved values
        const ConnectionProfile p = dialog.profile();
        QCOMPARE(p.password(), QStringLiteral("Pw-Saved-1"));
        QCOMPARE(p.environment().value(QStringLiteral("PGPASSWORD")),
                 QStringLiteral("Env-Secret-2"));
    }

    void editedSecretsWhileShownAreKept()
    {
        ProfileDialog dialog(savedProfile(), {}, {});
        Fields f(dialog);
        f.reveal->click();
        f.environment->setPlainText(
            QStringLiteral("APP_ENV=prod\nPGPASSWORD=Edited-3\nAPI_TOKEN=Tok-4"));
        f.reveal->click(); // masked again
        QVERIFY(!f.environment->toPlainText().contains(QStringLiteral("Edited-3")));
        QVERIFY(!f.environment->toPlainText().contains(QStringLiteral("Tok-4")));
        const ConnectionProfile p = dialog.profile();
        QCOMPARE(p.environment().value(QStringLiteral("PGPASSWORD")), QStringLiteral("Edited-3"));
        QCOMPARE(p.environment().value(QStringLiteral("API_TOKEN")), QStringLiteral("Tok-4"));
        QVERIFY(p.secretSlots().contains(QStringLiteral("env/API_TOKEN")));
    }

    void aTypedSecretIsMaskedWhenTheFocusMovesOn()
    {
        ProfileDialog dialog(ConnectionProfile(), {}, {});
        dialog.show();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        Fields f(dialog);
        f.environment->setFocus();
        f.environment->setPlainText(QStringLiteral("APP_ENV=x\nDB_PASSWORD=Typed-Env-8"));
        f.url->setFocus();
        QTRY_VERIFY(!f.environment->toPlainText().contains(QStringLiteral("Typed-Env-8")));
        QVERIFY(f.environment->toPlainText().contains(QStringLiteral("APP_ENV=x")));
        QCOMPARE(dialog.profile().environment().value(QStringLiteral("DB_PASSWORD")),
                 QStringLiteral("Typed-Env-8"));
    }

    void passwordTypedIntoTheUrlMovesToItsField()
    {
        ProfileDialog dialog(ConnectionProfile(), {}, {});
        Fields f(dialog);
        f.url->setText(QStringLiteral("postgresql://me:Typed%40Pw-5@db/app"));
        emit f.url->editingFinished();
        QCOMPARE(f.url->text(), QStringLiteral("postgresql://me@db/app"));
        QCOMPARE(f.password->text(), QStringLiteral("Typed@Pw-5"));
        QCOMPARE(f.password->echoMode(), QLineEdit::Password);
        dialog.findChild<QLineEdit*>(QStringLiteral("name"))->setText(QStringLiteral("x"));
        QVERIFY2(dialog.validationError().isEmpty(), qPrintable(dialog.validationError()));
        const ConnectionProfile p = dialog.profile();
        QCOMPARE(p.url(), QStringLiteral("postgresql://me@db/app"));
        QCOMPARE(p.password(), QStringLiteral("Typed@Pw-5"));
        // cleared: no password any more
        f.password->clear();
        QVERIFY(!dialog.profile().hasPassword());
    }

    void aSavedPasswordNeverFetchedStaysAsSaved()
    {
        ConnectionProfile p = savedProfile();
        for (const QString& slot : p.secretSlots())
            p.setSecret(slot, QString()); // in the keychain, not read
        ProfileDialog dialog(p, {}, {});
        Fields f(dialog);
        QVERIFY(f.password->text().isEmpty());
        QVERIFY(!f.password->placeholderText().isEmpty());
        const ConnectionProfile back = dialog.profile();
        QCOMPARE(back.secretSlots(), p.secretSlots());
        QCOMPARE(back.unknownSecrets(), p.secretSlots());
    }

    void secretsInTheUrlQueryAreRefused()
    {
        ProfileDialog dialog(ConnectionProfile(), {}, {});
        dialog.findChild<QLineEdit*>(QStringLiteral("name"))->setText(QStringLiteral("m"));
        Fields f(dialog);
        f.url->setText(QStringLiteral("mysql+pymysql://u@h/d?password=Query-Pw-6"));
        QVERIFY(dialog.validationError().contains(QStringLiteral("password")));
        QVERIFY(!dialog.validationError().contains(QStringLiteral("Query-Pw-6")));
    }

    void theNoteSaysWhereSecretsGo()
    {
        ProfileDialog dialog(ConnectionProfile(), {}, {});
        dialog.setSecretsNote(QStringLiteral("Not saved: no keychain available (x)."));
        auto* note = dialog.findChild<QLabel*>(QStringLiteral("secretsNote"));
        QVERIFY(note);
        QVERIFY(!note->isHidden());
        QCOMPARE(note->text(), QStringLiteral("Not saved: no keychain available (x)."));
    }
};

QTEST_MAIN(TestProfileDialog)
#include "tst_profiledialog.moc"
