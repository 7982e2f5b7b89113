import KehuStore
