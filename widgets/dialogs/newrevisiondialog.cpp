#include "dialogs/newrevisiondialog.h"

#include "graph/revisiongraph.h"

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

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Create"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* form = new QFormLayout(this);
    form->addRow(tr("&Message:"), m_message);
    form->addRow(tr("&Parent:"), m_head);
    form->addRow(tr("&Branch label:"), m_label);
    form->addRow(tr("&Depends on:"), m_dependsOn);
    auto* note = new QLabel(tr("Runs <code>alembic revision</code> and opens the new script."));
    note->setWordWrap(true);
    form->addRow(note);
    form->addRow(m_buttons);

    connect(m_message, &QLineEdit::textChanged, this, &NewRevisionDialog::updateOk);
    connect(m_label, &QLineEdit::textChanged, this, &NewRevisionDialog::updateOk);
    connect(m_head, &QComboBox::currentIndexChanged, this, &NewRevisionDialog::updateOk);
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

QStringList NewRevisionDialog::arguments() const
{
    QStringList args{QStringLiteral("revision"), QStringLiteral("-m"), message(),
                     QStringLiteral("--head"), head()};
    if (!branchLabel().isEmpty())
        args << QStringLiteral("--branch-label") << branchLabel();
    for (const QString& dependency : dependsOn())
        args << QStringLiteral("--depends-on") << dependency;
    return args;
}

void NewRevisionDialog::updateOk()
{
    // alembic refuses a second base without a label to tell the branches apart.
    const bool needsLabel = head() == QLatin1String("base") && m_head->count() > 1;
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(!message().isEmpty() && (!needsLabel || !branchLabel().isEmpty()));
}

} // namespace retort
