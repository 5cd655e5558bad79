#include "widgets/help/problemreportdialog.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace retort {

ProblemReportDialog::ProblemReportDialog(const QString& report, const QString& issuesUrl,
                                         QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Report a Problem"));
    auto* intro = new QLabel(
        tr("Please describe what you did, what you expected and what happened instead, and "
           "paste this summary below it. It names versions and counts only: no paths, "
           "addresses, user or database names, and no revision messages."));
    intro->setWordWrap(true);

    m_text = new QPlainTextEdit;
    m_text->setObjectName(QStringLiteral("problemReportText"));
    m_text->setReadOnly(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setAccessibleName(tr("Diagnostic summary"));
    m_text->setPlainText(report);

    auto* link = new QLabel(tr("Report it at <a href=\"%1\">%1</a>").arg(issuesUrl.toHtmlEscaped()));
    link->setObjectName(QStringLiteral("issuesLink"));
    link->setTextFormat(Qt::RichText);
    link->setOpenExternalLinks(true);
    link->setTextInteractionFlags(Qt::TextBrowserInteraction);

    m_copiedNote = new QLabel;
    m_copiedNote->setObjectName(QStringLiteral("copiedNote"));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    QPushButton* copy = buttons->addButton(tr("&Copy to Clipboard"), QDialogButtonBox::ActionRole);
    copy->setObjectName(QStringLiteral("copyReportButton"));
    copy->setDefault(true);
    copy->setFocus(); // Return copies at once
    connect(copy, &QPushButton::clicked, this, &ProblemReportDialog::copyToClipboard);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_text, 1);
    layout->addWidget(link);
    layout->addWidget(m_copiedNote);
    layout->addWidget(buttons);
    resize(620, 480);
}

QString ProblemReportDialog::reportText() const
{
    return m_text->toPlainText();
}

void ProblemReportDialog::setReportText(const QString& report)
{
    m_text->setPlainText(report);
    m_copiedNote->clear(); // what was copied is not this any more
}

void ProblemReportDialog::copyToClipboard()
{
    QApplication::clipboard()->setText(reportText());
    m_copiedNote->setText(tr("Copied to the clipboard."));
    emit copied();
}

} // namespace retort
