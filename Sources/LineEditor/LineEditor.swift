import CLineEdit
