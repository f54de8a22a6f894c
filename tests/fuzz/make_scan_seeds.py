#!/usr/bin/env python3
# Writes the fixture-derived seeds of fuzz_scan (tests/fuzz/corpus/scan): grey frames of
# tests/fixtures/cases PNGs (1-bit palette), halved, one blurred at low contrast.
# Usage: tests/fuzz/make_scan_seeds.py tests/fixtures/cases tests/fuzz/corpus/scan
import zlib, struct, sys, os
def png_grey(path):
    d=open(path,'rb').read(); assert d[:8]==b'\x89PNG\r\n\x1a\n'
    i=8; idat=b''; pal=None
    while i<len(d):
        n,=struct.unpack('>I',d[i:i+4]); t=d[i+4:i+8]; c=d[i+8:i+8+n]; i+=12+n
        if t==b'IHDR': w,h,bd,ct,_,_,il=struct.unpack('>IIBBBBB',c)
        elif t==b'PLTE': pal=[c[j:j+3] for j in range(0,len(c),3)]
        elif t==b'IDAT': idat+=c
    assert ct==3 and il==0, (ct,il)
    raw=zlib.decompress(idat); stride=(w*bd+7)//8; prev=bytearray(stride); out=[]; p=0
    for y in range(h):
        f=raw[p]; line=bytearray(raw[p+1:p+1+stride]); p+=1+stride
        for x in range(stride):
            a=line[x-1] if x>0 else 0; b=prev[x]; cc=prev[x-1] if x>0 else 0
            if f==1: line[x]=(line[x]+a)&255
            elif f==2: line[x]=(line[x]+b)&255
            elif f==3: line[x]=(line[x]+(a+b)//2)&255
            elif f==4:
                pp=a+b-cc; pa,pb,pc=abs(pp-a),abs(pp-b),abs(pp-cc)
                pr=a if pa<=pb and pa<=pc else (b if pb<=pc else cc); line[x]=(line[x]+pr)&255
        prev=line; row=[]
        for x in range(w):
            v=(line[x*bd//8]>>(8-bd-(x*bd)%8))&((1<<bd)-1); r,g,bb=pal[v]; row.append((r*299+g*587+bb*114)//1000)
        out.append(row)
    return w,h,out
def down(w,h,img,k):
    nw,nh=w//k,h//k
    return nw,nh,[[sum(img[y*k+j][x*k+i] for j in range(k) for i in range(k))//(k*k) for x in range(nw)] for y in range(nh)]
def blur_contrast(w,h,img,lo,hi):
    o=[[0]*w for _ in range(h)]
    for y in range(h):
        for x in range(w):
            s=0;n=0
            for j in (-1,0,1):
                for i in (-1,0,1):
                    yy,xx=y+j,x+i
                    if 0<=yy<h and 0<=xx<w: s+=img[yy][xx]; n+=1
            o[y][x]=lo+(s//n)*(hi-lo)//255
    return w,h,o
def save(name,w,h,img):
    v=w-1; hdr=bytes([v>>8,v&255])
    open(name,'wb').write(hdr+bytes(p for row in img for p in row))
fx=sys.argv[1]; dst=sys.argv[2]
c=lambda n: os.path.join(fx,n,'input0.png')
save(os.path.join(dst,'valid-es256-half'),*down(*png_grey(c('valid-es256-compact')),2))
save(os.path.join(dst,'not-credential'),*png_grey(c('unreadable-not-credential')))
w,h,img=down(*png_grey(c('valid-unicode')),2)
save(os.path.join(dst,'unicode-blurred-low-contrast'),*blur_contrast(w,h,img,70,180))
save(os.path.join(dst,'warn-incomplete-full'),*png_grey(c('warn-incomplete')))
save(os.path.join(dst,'rs256-plain-half'),*down(*png_grey(c('valid-rs256-plain')),2))
