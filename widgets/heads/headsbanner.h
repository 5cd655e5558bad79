#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace retort {

// A strip above the graph while the project has heads its branch labels do not explain:
// the sentence saying so, and "Show Heads" (Alt+O) to open the Heads panel.
class HeadsBanner : public QFrame
{
    Q_OBJECT

public:
    explicit HeadsBanner(QWidget* parent = nullptr);

    void setText(const QString& text);
    QString text() const;
    QPushButton* showButton() const { return m_show; }

signals:
    void showRequested();

private:
    QLabel* m_label = nullptr;
    QPushButton* m_show = nullptr;
};

} // namespace retort
