#pragma once

#include "widgets/settings/preferences.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QFontComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace retort {

// Settings → Configure Retort…: the theme, the script editors' font and tab width, the
// graph's direction and spacing, and the Python that runs alembic when a project names none.
//
// Every change is shown at once: previewRequested() carries the preferences as the dialog
// shows them, for the window to apply live. OK and Apply keep them (applyRequested()); Cancel,
// Escape or closing the dialog go back to what was kept last (previewRequested() with those)
// before the dialog closes. Restore Defaults fills in the defaults (kept only by OK / Apply).
//
// The dialog reads no file: it asks about the interpreter path it shows with
// interpreterCheckRequested() and shows the answer given to setInterpreterStatus(); OK and
// Apply wait while the path is said not to be usable.
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SettingsDialog(const Preferences& kept, QWidget* parent = nullptr);

    // What the controls show now.
    Preferences preferences() const;
    // Fills the controls (a previewRequested() follows when that changes anything).
    void setPreferences(const Preferences& preferences);
    // What was kept last: when the dialog opened, or the last OK / Apply.
    Preferences keptPreferences() const { return m_kept; }

    // The answer about `path`: a line to show under it, and whether it can run alembic.
    // Answers for a path no longer shown are ignored.
    void setInterpreterStatus(const QString& path, const QString& text, bool usable);

    QFontComboBox* fontBox() const { return m_font; }

    void done(int result) override;

signals:
    void previewRequested(const retort::Preferences& preferences);
    void applyRequested(const retort::Preferences& preferences);
    void interpreterCheckRequested(const QString& path);

private:
    void controlsChanged();
    void apply();
    void browseInterpreter();
    void checkInterpreter();
    void updateButtons();

    Preferences m_kept;
    Preferences m_shown; // as last previewed
    bool m_filling = false;
    bool m_closing = false; // answered: no more previews
    bool m_interpreterUsable = true;
    QString m_checkedPath;
    QString m_systemFamily; // the font list's entry for the system's fixed font

    QComboBox* m_theme = nullptr;
    QFontComboBox* m_font = nullptr;
    QSpinBox* m_fontSize = nullptr;
    QSpinBox* m_tabWidth = nullptr;
    QComboBox* m_direction = nullptr;
    QComboBox* m_density = nullptr;
    QLineEdit* m_interpreter = nullptr;
    QLabel* m_interpreterStatus = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace retort
