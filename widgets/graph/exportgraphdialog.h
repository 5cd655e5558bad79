#pragma once

#include <QDialog>
#include <QSizeF>
#include <QString>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;

namespace retort {

// File → Export Graph: the file (proposed as "<project folder>/<project>-graph.svg"), the
// format (SVG or PNG of what the window draws, or Graphviz DOT), the scale of a PNG with the
// pixel size it gives, and whether the databases' positions are part of the picture.
// The format follows the file's suffix and the suffix follows the chosen format.
class ExportGraphDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Format
    {
        Svg,
        Png,
        Dot,
    };

    // `pictureSize`: the picture's size at 100 % (for the PNG's pixel size).
    ExportGraphDialog(const QString& proposedFile, QSizeF pictureSize, QWidget* parent = nullptr);

    // "<project folder>/<folder name>-graph.svg" for the project whose configuration is at
    // `configPath`.
    static QString proposedFileName(const QString& configPath);

    QString fileName() const;
    void setFileName(const QString& fileName);
    Format format() const;
    void setFormat(Format format);
    qreal scale() const; // PNG only
    void setScale(qreal scale);
    bool includeDatabases() const;
    void setIncludeDatabases(bool include);
    // The size in pixels of the PNG at the chosen scale.
    QSize pixelSize() const;
    // The picture's size without the databases (the constructor's size is with them).
    void setSizeWithoutDatabases(QSizeF size);

private:
    void browse();
    void onFileEdited();
    void updateControls();

    QSizeF m_pictureSize;
    QSizeF m_bareSize;
    QLineEdit* m_file = nullptr;
    QComboBox* m_format = nullptr;
    QDoubleSpinBox* m_scale = nullptr;
    QLabel* m_pixels = nullptr;
    QCheckBox* m_databases = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace retort
