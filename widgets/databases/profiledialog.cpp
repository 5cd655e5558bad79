#include "widgets/databases/profiledialog.h"

#include "model/config/sqlalchemyurl.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace retort {

namespace {

QStringList nonEmptyLines(const QString& text)
{
    QStringList out;
    for (const QString& line : text.split(u'\n')) {
        const QString trimmed = line.trimmed();
        if (!trimmed.isEmpty())
            out.append(trimmed);
    }
    return out;
}

} // namespace

ProfileDialog::ProfileDialog(const ConnectionProfile& profile, const QStringList& takenNames,
                             const QString& configUrl, QWidget* parent)
    : QDialog(parent), m_original(profile), m_takenNames(takenNames)
{
    setWindowTitle(profile.name().isEmpty() ? tr("Add Connection Profile")
                                            : tr("Edit Connection Profile"));

    m_name = new QLineEdit(profile.name());
    m_name->setEnabled(!profile.isDefault());
    m_url = new QLineEdit(profile.url());
    m_url->setPlaceholderText(configUrl.isEmpty()
                                  ? tr("postgresql+psycopg2://user:password@host/database")
                                  : tr("empty: the ini's URL, %1").arg(configUrl));
    m_url->setEnabled(!profile.isDefault());
    connect(m_url, &QLineEdit::editingFinished, this, &ProfileDialog::movePasswordOutOfUrl);
    m_password = new QLineEdit(profile.password());
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setEnabled(!profile.isDefault());
    if (profile.hasPassword() && profile.password().isNull())
        m_password->setPlaceholderText(tr("saved; type here to change it"));
    m_reveal = new QToolButton;
    m_reveal->setText(tr("S&how"));
    m_reveal->setCheckable(true);
    m_reveal->setToolTip(tr("Show the password and the secret environment values"));
    connect(m_reveal, &QToolButton::toggled, this, &ProfileDialog::revealSecrets);
    // a secret value typed into the environment is masked once the focus moves on
    m_secretsNote = new QLabel;
    m_secretsNote->setWordWrap(true);
    m_secretsNote->setForegroundRole(QPalette::PlaceholderText);
    m_secretsNote->hide();
    m_versionTable = new QLineEdit(profile.versionTable());
    m_versionTable->setPlaceholderText(QString::fromLatin1(ConnectionProfile::kDefaultVersionTable));
    m_schema = new QLineEdit(profile.versionTableSchema());
    m_schema->setPlaceholderText(tr("the default schema"));
    m_environment = new QPlainTextEdit;
    m_environment->setTabChangesFocus(true);
    m_environment->setPlaceholderText(tr("One KEY=value a line, set for alembic's process"));
    QStringList env;
    const QMap<QString, QString> variables = profile.environment();
    for (auto it = variables.cbegin(); it != variables.cend(); ++it)
        if (!ConnectionProfile::isSecretVariable(it.key()))
            env.append(it.key() + u'=' + it.value());
    for (const QString& slot : profile.secretSlots()) {
        const QString name = ConnectionProfile::environmentName(slot);
        if (name.isEmpty())
            continue;
        m_secretValues.insert(name, profile.secret(slot)); // null: saved, never fetched
        env.append(name + u'=' + mask());
    }
    env.sort();
    m_environment->setPlainText(env.join(u'\n'));
    m_environment->setFixedHeight(fontMetrics().lineSpacing() * 4 + 12);
    m_environment->installEventFilter(this);
    m_xArguments = new QPlainTextEdit(profile.xArguments().join(u'\n'));
    m_xArguments->setTabChangesFocus(true);
    m_xArguments->setPlaceholderText(tr("One -x value a line, e.g. tenant=acme"));
    m_xArguments->setFixedHeight(fontMetrics().lineSpacing() * 3 + 12);
    m_protected = new QCheckBox(tr("&Protected: ask me to type the profile's name before a run"));
    m_protected->setChecked(profile.isProtected());
    m_scratch = new QCheckBox(tr("Scr&atch: a throwaway database that Run Stairway may use"));
    m_scratch->setChecked(profile.isScratch());
    m_scratch->setToolTip(
        tr("Run Stairway upgrades, downgrades and upgrades again every revision on a scratch "
           "database, which destroys whatever data it holds. Mark only an empty database that "
           "exists for this purpose. A protected profile, or one that uses the ini's own "
           "database, cannot be scratch."));
    m_scratchNote = new QLabel(m_scratch->toolTip());
    m_scratchNote->setWordWrap(true);
    m_scratchNote->setObjectName(QStringLiteral("scratchNote"));
    m_scratchNote->setVisible(profile.isScratch());
    // one or the other: a database worth protecting is no scratch database
    auto exclusive = [this] {
        m_scratch->setEnabled(!m_protected->isChecked());
        m_protected->setEnabled(!m_scratch->isChecked());
        m_scratchNote->setVisible(m_scratch->isChecked());
    };
    connect(m_protected, &QCheckBox::toggled, this, exclusive);
    connect(m_scratch, &QCheckBox::toggled, this, exclusive);
    exclusive();

    m_name->setObjectName(QStringLiteral("name"));
    m_url->setObjectName(QStringLiteral("url"));
    m_password->setObjectName(QStringLiteral("password"));
    m_reveal->setObjectName(QStringLiteral("revealSecrets"));
    m_secretsNote->setObjectName(QStringLiteral("secretsNote"));
    m_versionTable->setObjectName(QStringLiteral("versionTable"));
    m_schema->setObjectName(QStringLiteral("schema"));
    m_environment->setObjectName(QStringLiteral("environment"));
    m_xArguments->setObjectName(QStringLiteral("xArguments"));
    m_protected->setObjectName(QStringLiteral("protected"));
    m_scratch->setObjectName(QStringLiteral("scratch"));

    auto* form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&URL:"), m_url);
    auto* passwordRow = new QHBoxLayout;
    passwordRow->addWidget(m_password);
    passwordRow->addWidget(m_reveal);
    auto* passwordLabel = new QLabel(tr("Pass&word:"));
    passwordLabel->setBuddy(m_password);
    form->addRow(passwordLabel, passwordRow);
    form->addRow(QString(), m_secretsNote);
    form->addRow(tr("&Version table:"), m_versionTable);
    form->addRow(tr("&Schema:"), m_schema);
    form->addRow(tr("&Environment:"), m_environment);
    form->addRow(tr("-&x arguments:"), m_xArguments);
    form->addRow(QString(), m_protected);
    form->addRow(QString(), m_scratch);
    form->addRow(QString(), m_scratchNote);

    m_test = new QPushButton(tr("&Test Connection"));
    m_test->setObjectName(QStringLiteral("test"));
    m_testResult = new QLabel;
    m_testResult->setObjectName(QStringLiteral("testResult"));
    m_testResult->setWordWrap(true);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error = new QLabel;
    m_error->setWordWrap(true);
    m_error->setForegroundRole(QPalette::BrightText);
    m_error->hide();

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->addButton(m_test, QDialogButtonBox::ActionRole);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_testResult);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &ProfileDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ProfileDialog::reject);
    connect(m_test, &QPushButton::clicked, this, [this] {
        const QString error = validationError();
        if (!error.isEmpty()) {
            setTestResult(error, false);
            return;
        }
        m_test->setEnabled(false);
        m_testResult->setText(tr("Reading the version table…"));
        emit testRequested(this->profile());
    });
    resize(560, sizeHint().height());
}

ConnectionProfile ProfileDialog::profile() const
{
    ConnectionProfile p = m_original;
    p.setName(m_name->text().trimmed());
    // Empty: no password, unless a saved one was never fetched (then it stays as saved).
    if (!m_password->text().isEmpty() || !m_original.password().isNull())
        p.setPassword(m_password->text());
    p.setUrl(m_url->text().trimmed()); // a password typed into the URL wins
    p.setVersionTable(m_versionTable->text().trimmed().isEmpty()
                          ? QString::fromLatin1(ConnectionProfile::kDefaultVersionTable)
                          : m_versionTable->text().trimmed());
    p.setVersionTableSchema(m_schema->text().trimmed());
    QMap<QString, QString> env;
    for (const QString& line : nonEmptyLines(m_environment->toPlainText())) {
        const qsizetype eq = line.indexOf(u'=');
        if (eq <= 0)
            continue;
        const QString key = line.left(eq).trimmed();
        const QString value = line.mid(eq + 1);
        const bool masked = ConnectionProfile::isSecretVariable(key) &&
                            value == mask() && m_secretValues.contains(key);
        env.insert(key, masked ? m_secretValues.value(key) : value);
    }
    p.setEnvironment(env);
    p.setXArguments(nonEmptyLines(m_xArguments->toPlainText()));
    p.setProtected(m_protected->isChecked());
    p.setScratch(m_scratch->isChecked());
    return p;
}

QString ProfileDialog::validationError() const
{
    const ConnectionProfile p = profile();
    if (p.name().isEmpty())
        return tr("The profile needs a name.");
    if (m_takenNames.contains(p.name()))
        return tr("Another profile is already called %1.").arg(p.name());
    if (p.isScratch()) {
        if (const QString why = p.scratchRefusal(); !why.isEmpty())
            return tr("Scratch: %1").arg(why);
    }
    for (const QString& line : nonEmptyLines(m_environment->toPlainText()))
        if (line.indexOf(u'=') <= 0)
            return tr("Environment lines are KEY=value: %1").arg(line);
    if (!p.usesConfigUrl()) {
        const Result<SqlAlchemyUrl> url = SqlAlchemyUrl::parse(p.url());
        if (!url)
            return url.error();
        const Result<QtSqlTarget> target = url->mapToQtSql();
        if (!target)
            return target.error();
        if (const QStringList secret = url->secretQueryKeys(); !secret.isEmpty())
            return tr("The URL is saved as plain text, and its parameter “%1” looks secret: "
                      "give the password in the Password field, or the value as a secret "
                      "environment variable.")
                .arg(secret.first());
    }
    return {};
}

bool ProfileDialog::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_environment && event->type() == QEvent::FocusOut && !secretsRevealed()) {
        const QString masked = environmentText(false);
        if (masked != m_environment->toPlainText())
            m_environment->setPlainText(masked);
    }
    return QDialog::eventFilter(watched, event);
}

void ProfileDialog::setSecretsNote(const QString& text)
{
    m_secretsNote->setText(text);
    m_secretsNote->setVisible(!text.isEmpty());
}

bool ProfileDialog::secretsRevealed() const
{
    return m_reveal->isChecked();
}

void ProfileDialog::revealSecrets(bool reveal)
{
    m_password->setEchoMode(reveal ? QLineEdit::Normal : QLineEdit::Password);
    m_environment->setPlainText(environmentText(reveal));
}

void ProfileDialog::movePasswordOutOfUrl()
{
    const SqlAlchemyUrl::PasswordSplit split = SqlAlchemyUrl::splitPassword(m_url->text());
    if (split.password.isNull())
        return;
    m_url->setText(split.url);
    m_password->setText(split.password);
}

QString ProfileDialog::environmentText(bool reveal)
{
    QStringList lines;
    for (const QString& line : m_environment->toPlainText().split(u'\n')) {
        const qsizetype eq = line.indexOf(u'=');
        const QString key = eq > 0 ? line.left(eq).trimmed() : QString();
        if (key.isEmpty() || !ConnectionProfile::isSecretVariable(key)) {
            lines.append(line);
            continue;
        }
        const QString value = line.mid(eq + 1);
        if (value != mask() || !m_secretValues.contains(key))
            m_secretValues.insert(key, value); // typed (or shown and maybe edited)
        const QString known = m_secretValues.value(key);
        lines.append(key + u'=' +
                     (reveal && !known.isNull() ? known : mask()));
    }
    return lines.join(u'\n');
}

void ProfileDialog::setTestResult(const QString& text, bool ok)
{
    m_test->setEnabled(true);
    m_testResult->setText((ok ? tr("✓ ") : tr("✗ ")) + text);
}

void ProfileDialog::showTestResult(const DatabaseState& state)
{
    if (!state.isReadable())
        setTestResult(state.error(), false);
    else if (state.isFileMissing())
        setTestResult(tr("The file %1 does not exist yet; alembic would create it on its first "
                         "run (at base).")
                          .arg(QDir::toNativeSeparators(state.missingFile())),
                      true);
    else if (state.isAtBase())
        setTestResult(tr("Connected: the database is at base."), true);
    else
        setTestResult(tr("Connected: the database is at %1.")
                          .arg(state.sortedCurrentRevisions().join(QStringLiteral(", "))),
                      true);
}

QString ProfileDialog::testResultText() const
{
    return m_testResult->text();
}

void ProfileDialog::accept()
{
    const QString error = validationError();
    if (!error.isEmpty()) {
        m_error->setText(error);
        m_error->show();
        return;
    }
    QDialog::accept();
}

} // namespace retort
