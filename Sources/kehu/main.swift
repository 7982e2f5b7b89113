import KehuShell
print("kehu")
