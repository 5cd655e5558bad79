#include "widgets/dialogs/newrevisiondialog.h"

#include "model/graph/revisiongraph.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>

namespace retort {

NewRevisionDialog::NewRevisionDialog(std::shared_ptr<const RevisionGraph> graph, QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("newRevisionDialog"));
    setWindowTitle(tr("New Revision"));
    m_message = new QLineEdit;
    m_message->setObjectName(QStringLiteral("revisionMessage"));
    m_message->setPlaceholderText(tr("e.g. add email to users"));
    m_head = new QComboBox;
    m_head->setObjectName(QStringLiteral("revisionHead"));
    if (graph) {
        for (const QString& head : graph->heads()) {
            const Revision* r = graph->revision(head);
            const QString message = r ? r->message : QString();
            m_head->addItem(message.isEmpty() ? head : tr("%1 — %2").arg(head, message), head);
        }
    }
    m_head->addItem(tr("base (a new branch)"), QStringLiteral("base"));
    m_label = new QLineEdit;
    m_label->setObjectName(QStringLiteral("revisionBranchLabel"));
    m_label->setPlaceholderText(tr("optional"));
    m_dependsOn = new QLineEdit;
    m_dependsOn->setObjectName(QStringLiteral("revisionDependsOn"));
    m_dependsOn->setPlaceholderText(tr("optional: revision ids or branch labels"));
    // Autogenerate runs code and opens a connection: never implied, always said.
    m_autogenerate = new QCheckBox(
        tr("&Autogenerate from the models (runs the project's env.py, which connects to the "
           "database)"));
    m_autogenerate->setObjectName(QStringLiteral("revisionAutogenerate"));
    m_autogenerate->setToolTip(
        tr("alembic revision --autogenerate: alembic runs the project's env.py, connects to the "
           "database it configures and writes the differences between that database's schema "
           "and the models' metadata into the new script. The database must be at the heads."));

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Create"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* form = new QFormLayout(this);
    form->addRow(tr("&Message:"), m_message);
    form->addRow(tr("&Parent:"), m_head);
    form->addRow(tr("&Branch label:"), m_label);
    form->addRow(tr("&Depends on:"), m_dependsOn);
    form->addRow(m_autogenerate);
    m_note = new QLabel;
    m_note->setObjectName(QStringLiteral("revisionNote"));
    m_note->setWordWrap(true);
    form->addRow(m_note);
    form->addRow(m_buttons);

    connect(m_message, &QLineEdit::textChanged, this, &NewRevisionDialog::updateOk);
    connect(m_label, &QLineEdit::textChanged, this, &NewRevisionDialog::updateOk);
    connect(m_head, &QComboBox::currentIndexChanged, this, &NewRevisionDialog::updateOk);
    connect(m_autogenerate, &QCheckBox::toggled, this, &NewRevisionDialog::updateOk);
    updateOk();
    resize(480, sizeHint().height());
}

QString NewRevisionDialog::message() const
{
    return m_message->text().trimmed();
}

void NewRevisionDialog::setMessage(const QString& message)
{
    m_message->setText(message);
}

QString NewRevisionDialog::head() const
{
    return m_head->currentData().toString();
}

void NewRevisionDialog::setHead(const QString& head)
{
    const int index = m_head->findData(head);
    if (index >= 0)
        m_head->setCurrentIndex(index);
}

QString NewRevisionDialog::branchLabel() const
{
    return m_label->text().trimmed();
}

void NewRevisionDialog::setBranchLabel(const QString& label)
{
    m_label->setText(label);
}

QStringList NewRevisionDialog::dependsOn() const
{
    static const QRegularExpression separators(QStringLiteral("[,\\s]+"));
    return m_dependsOn->text().split(separators, Qt::SkipEmptyParts);
}

void NewRevisionDialog::setDependsOn(const QString& text)
{
    m_dependsOn->setText(text);
}

bool NewRevisionDialog::autogenerate() const
{
    return m_autogenerate->isChecked();
}

void NewRevisionDialog::setAutogenerate(bool on)
{
    m_autogenerate->setChecked(on);
}

NewRevisionOptions NewRevisionDialog::options() const
{
    NewRevisionOptions options;
    options.message = message();
    options.head = head();
    options.branchLabel = branchLabel();
    options.dependsOn = dependsOn();
    options.autogenerate = autogenerate();
    return options;
}

QStringList NewRevisionDialog::arguments() const
{
    return RevisionCommand::revisionArguments(options());
}

void NewRevisionDialog::updateOk()
{
    m_note->setText(autogenerate()
                        ? tr("Runs <code>alembic revision --autogenerate</code> (the project's "
                             "env.py, against its database) and opens the new script.")
                        : tr("Runs <code>alembic revision</code> and opens the new script."));
    // alembic refuses a second base without a label to tell the branches apart.
    const bool needsLabel = head() == QLatin1String("base") && m_head->count() > 1;
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(!message().isEmpty() && (!needsLabel || !branchLabel().isEmpty()));
}

} // namespace retort
