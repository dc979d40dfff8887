// The reference for quill-cli's whole-process start (issue 12): a QCoreApplication program
// that does nothing, so the comparison is against the platform's own start-up cost.
#include <QCoreApplication>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    return 0;
}
