open('o.txt','w')
