with open("tables/log.txt", "a") as log:
    log.write("d ran\n")
