print("hi")
open("../../escaped.txt", "w").write("x")
