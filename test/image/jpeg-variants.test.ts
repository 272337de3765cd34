import { describe, expect, it } from "vitest";
import { decodeJpeg, jpegDecoder } from "../../src/image/jpeg/index";
import { ImageError } from "../../src/image/types";

// Small JPEGs covering what the shared fixtures do not: every upsampling path, restarts, non-interleaved
// and progressive refinement scans, block smoothing, 16-bit tables, RGB/CMYK/YCCK. Made here with
// libjpeg-turbo 2.1.5 (a 23x35 synthetic pattern of colour bars, a ramp and a diagonal edge: three MCU
// rows, so the two-row sample rings wrap); the expected values are Pillow 9.4's convert("RGB"): sum and
// FNV-1a of all RGB bytes, and the pixel at (11, 17).
interface Variant {
  name: string;
  what: string;
  sum: number;
  fnv: number;
  centre: number[];
  streamed: boolean;
  jpeg: string;
}

const VARIANTS: Variant[] = [
  {
    name: "420-restart",
    what: "4:2:0 (h2v2 fancy upsampling), a restart marker after every MCU",
    sum: 321727,
    fnv: 0x93ad5006,
    centre: [194, 247, 157],
    streamed: true,
    jpeg:
      "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAA0JCgsKCA0LCgsODg0PEyAVExISEyccHhcgLikxMC4pLSwzOko+MzZGNywtQFdBRkxO" +
      "UlNSMj5aYVpQYEpRUk//2wBDAQ4ODhMREyYVFSZPNS01T09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09P" +
      "T09PT09PT0//wAARCAAjABcDASIAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUF" +
      "BAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVW" +
      "V1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi" +
      "4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAEC" +
      "AxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVm" +
      "Z2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq" +
      "8vP09fb3+Pn6/90ABAAB/9oADAMBAAIRAxEAPwDDv4P+Pfj+9/Sugv7f/j34/vf0qnfwf8e/H97+lbes+Xa20dxL9yNWY9MnpwM9" +
      "zXizqOThGO7ubZvXbeKS/uH/0LHjfUG06ztorVwLuUnaAASq8ZbBB9Mfj7UVja88t9dpczEln3bQTnYvGFH0/wDr0V2ZbkVOOGj7" +
      "b4nvomY5hTpUsTKM4pvS99eiP//Ru31sSbcAZJ3f0qn47vN80GnW7HZGW84gjDt8vH4fz7cCtbxZcro+mwuvNxLuSPBHBwPmwew/" +
      "w9a5m/t/+Pfj+9/SujJMuVPkxNXfW3kFRc7xVaWy5Levf5H/0o9Qg4g4/vf0orV1CDiDj+9/SivoKdb3UeVnWI/22fy/JH//04vH" +
      "rtJ4gCuciNQqDHQbVP8AMmpr9R/o/H97+lFFfRU/4NL0Ncbph69u1P8AJH//1Og1BRiDj+9/SiiivTp/Cj5nOv8AfZ/L8kf/2Q==",
  },
  {
    name: "422",
    what: "4:2:2 (h2v1 fancy upsampling)",
    sum: 321959,
    fnv: 0x3c16d25a,
    centre: [218, 238, 143],
    streamed: true,
    jpeg:
      "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAA0JCgsKCA0LCgsODg0PEyAVExISEyccHhcgLikxMC4pLSwzOko+MzZGNywtQFdBRkxO" +
      "UlNSMj5aYVpQYEpRUk//2wBDAQ4ODhMREyYVFSZPNS01T09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09P" +
      "T09PT09PT0//wAARCAAjABcDASEAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUF" +
      "BAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVW" +
      "V1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi" +
      "4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAEC" +
      "AxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVm" +
      "Z2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq" +
      "8vP09fb3+Pn6/9oADAMBAAIRAxEAPwDDv4P+Pfj+9/Sugv7f/j34/vf0ryas/g+Z2ZzU/wB6/wC3CTxvqDadZ20Vq4F3KTtAAJVe" +
      "Mtgg+mPx9qK6MrwHt8OpuDer7/oeXisJRqV5zqrV26taWXmZ9/B/x78f3v6Vt6z5drbR3Ev3I1Zj0yenAz3Nee+apOnCO7ujozaT" +
      "lLExXXk/Q5vXnlvrtLmYks+7aCc7F4wo+n/16K/Rcvoxw2GhSj0RGbtQxcorpb8kb19bEm3AGSd39Kp+O7zfNBp1ux2RlvOIIw7f" +
      "Lx+H8+3Ar5Hh/De2xMK0to3+/wD4BVde0xGJvsuR/lb+vIi1CDiDj+9/Sivrac/dRxZ1U/22fy/JG34suV0fTYXXm4l3JHgjg4Hz" +
      "YPYf4etczf2//Hvx/e/pXDlFBYfDQXe/9fed70pYuo/tOH4HQahBxBx/e/pRV05+6jw86qf7bP5fkjJ8eu0niAK5yI1CoMdBtU/z" +
      "Jqa/Uf6Px/e/pW9PSjSt2PoMbph69u1P8kb+oKMQcf3v6UVwU37qPlM6f+2z+X5I/9k=",
  },
  {
    name: "440",
    what: "4:4:0 (h1v2 fancy upsampling)",
    sum: 321890,
    fnv: 0xfd538103,
    centre: [255, 218, 139],
    streamed: true,
    jpeg:
      "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAA0JCgsKCA0LCgsODg0PEyAVExISEyccHhcgLikxMC4pLSwzOko+MzZGNywtQFdBRkxO" +
      "UlNSMj5aYVpQYEpRUk//2wBDAQ4ODhMREyYVFSZPNS01T09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09P" +
      "T09PT09PT0//wAARCAAjABcDARIAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUF" +
      "BAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVW" +
      "V1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi" +
      "4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAEC" +
      "AxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVm" +
      "Z2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq" +
      "8vP09fb3+Pn6/9oADAMBAAIRAxEAPwDDv4P+Pfj+9/StS/g/49+P739K8yjW+I9DiTEfw/n+hcv7f/j34/vf0q/rPl2ttHcS/cjV" +
      "mPTJ6cDPc1w4aUqknCCu30PM4iquTpxjvr+hU8b6g2nWdtFauBdyk7QACVXjLYIPpj8fasbXnlvrtLmYks+7aCc7F4wo+n/169/K" +
      "MglrPEuz7bnVnGFjT9nOrq9dOi2+9/gb19bEm3AGSd39KteLLldH02F15uJdyR4I4OB82D2H+HrXJlmVVsRJqWm39eX4+hwZ9Ode" +
      "VOFNX3/QyfHd5vmg063Y7Iy3nEEYdvl4/D+fbgVn39v/AMe/H97+lfVZXgsPgotU1r36no51Sp4dU7avXX7vuLeoQcQcf3v6Vq6h" +
      "BxBx/e/pTo1tzm4kxH8P5/oZPj12k8QBXORGoVBjoNqn+ZNFbZSrYfT+tWdGYJLC0bf3vzRNfqP9H4/vf0orOj9oy4k/5d/P9Df1" +
      "BRiDj+9/SivPo9TyuJP+Xfz/AEP/2Q==",
  },
  {
    name: "411",
    what: "4:1:1 (Y 4x1: replication)",
    sum: 320019,
    fnv: 0x18723d8a,
    centre: [255, 241, 14],
    streamed: true,
    jpeg:
      "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAA0JCgsKCA0LCgsODg0PEyAVExISEyccHhcgLikxMC4pLSwzOko+MzZGNywtQFdBRkxO" +
      "UlNSMj5aYVpQYEpRUk//2wBDAQ4ODhMREyYVFSZPNS01T09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09P" +
      "T09PT09PT0//wAARCAAjABcDAUEAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUF" +
      "BAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVW" +
      "V1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi" +
      "4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAEC" +
      "AxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVm" +
      "Z2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq" +
      "8vP09fb3+Pn6/9oADAMBAAIRAxEAPwDDv4P+Pfj+9/Sugv7f/j34/vf0qTxvqDadZ20Vq4F3KTtAAJVeMtgg+mPx9qK82hR+sYnk" +
      "tfT9I9isxpwr1ZRqK6v/AO3VDPv4P+Pfj+9/StvWfLtbaO4l+5GrMemT04Ge5rm9eeW+u0uZiSz7toJzsXjCj6f/AF6K9fhyF61S" +
      "q+iS++3+RGMl/El/eX/pVU3r62JNuAMk7v6VT8d3m+aDTrdjsjLecQRh2+Xj8P59uBUWoQcQcf3v6UV1ZFD2eFUv5m3+EV+hjjpW" +
      "oTfef/t1Q2/Flyuj6bC683Eu5I8EcHA+bB7D/D1rmb+3/wCPfj+9/Sug1CDiDj+9/SiuqhH2VCnDsv0RjmkuXDJed/vlVZk+PXaT" +
      "xAFc5EahUGOg2qf5k1NfqP8AR+P739K39QUYg4/vf0op1dOX0/SJGe6Urea/9KqH/9k=",
  },
  {
    name: "311",
    what: "Y 3x1 (odd factor: replication)",
    sum: 322362,
    fnv: 0x61a21da5,
    centre: [255, 224, 83],
    streamed: true,
    jpeg:
      "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAA0JCgsKCA0LCgsODg0PEyAVExISEyccHhcgLikxMC4pLSwzOko+MzZGNywtQFdBRkxO" +
      "UlNSMj5aYVpQYEpRUk//2wBDAQ4ODhMREyYVFSZPNS01T09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09P" +
      "T09PT09PT0//wAARCAAjABcDATEAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUF" +
      "BAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVW" +
      "V1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi" +
      "4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAEC" +
      "AxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVm" +
      "Z2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq" +
      "8vP09fb3+Pn6/9oADAMBAAIRAxEAPwDDv4P+Pfj+9/Sugv7f/j34/vf0qTxvqDadZ20Vq4F3KTtAAJVeMtgg+mPx9q8aovaVYw7u" +
      "P6m+ZfvKrh3c/wD20z7+D/j34/vf0rb1ny7W2juJfuRqzHpk9OBnua5vXnlvrtLmYks+7aCc7F4wo+n/ANeu7J6XtsdGT2ik/wBF" +
      "+ZNd81eb7Kp/7ajevrYk24AyTu/pVPx3eb5oNOt2OyMt5xBGHb5ePw/n24FRahBxBx/e/pXpcP0uWjOs+rS+65E3pWn/AI1/6T/w" +
      "Db8WXK6PpsLrzcS7kjwRwcD5sHsP8PWuZv7f/j34/vf0roNQg4g4/vf0r0cLTVDCQh6fqZ4h8uHk+/tH/wCkmT49dpPEAVzkRqFQ" +
      "Y6Dap/mTU1+o/wBH4/vf0rf1BRiDj+9/StKulOK8ohmWlJpdp/lE/9k=",
  },
  {
    name: "mixed",
    what: "Y 2x2, Cb 2x1, Cr 1x2 (h1v2 and h2v1 in one image)",
    sum: 322036,
    fnv: 0x675948d3,
    centre: [218, 238, 139],
    streamed: true,
    jpeg:
      "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAA0JCgsKCA0LCgsODg0PEyAVExISEyccHhcgLikxMC4pLSwzOko+MzZGNywtQFdBRkxO" +
      "UlNSMj5aYVpQYEpRUk//2wBDAQ4ODhMREyYVFSZPNS01T09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09P" +
      "T09PT09PT0//wAARCAAjABcDASIAAiEBAxIB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUF" +
      "BAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVW" +
      "V1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi" +
      "4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAEC" +
      "AxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVm" +
      "Z2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq" +
      "8vP09fb3+Pn6/9oADAMBAAIRAxEAPwDDv4P+Pfj+9/Sugv7f/j34/vf0qnfwf8e/H97+lbes+Xa20dxL9yNWY9MnpwM9zXmUa3xH" +
      "DhpSqScIK7fQ7M5qf71/24cebScpYmK68n6FTxvqDadZ20Vq4F3KTtAAJVeMtgg+mPx9qKxteeW+u0uZiSz7toJzsXjCj6f/AF6K" +
      "9/KMglrPEuz7bgc+KwlGpXnOqtXbq1pZeZrm7UMXKK6W/JG9fWxJtwBknd/Sqfju83zQadbsdkZbziCMO3y8fh/PtwK1vFlyuj6b" +
      "C683Eu5I8EcHA+bB7D/D1rmb+3/49+P739K5MsyqtiJNS02/ry/H0PqsrwWHwUWqa179Sq69piMTfZcj/K39eRT0pYuo/tOH4FvU" +
      "IOIOP739KK1dQg4g4/vf0op0a24HBnVT/bZ/L8kcWdVP9tn8vyRk+PXaTxAFc5EahUGOg2qf5k1NfqP9H4/vf0oorbKVbD6f1qzO" +
      "j9o+gxumHr27U/yQG/qCjEHH97+lFFFefR6gfKZ0/wDbZ/L8kB//2Q==",
  },
  {
    name: "non-interleaved",
    what: "sequential, one scan per component (buffered), restarts",
    sum: 321727,
    fnv: 0x93ad5006,
    centre: [194, 247, 157],
    streamed: false,
    jpeg:
      "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAA0JCgsKCA0LCgsODg0PEyAVExISEyccHhcgLikxMC4pLSwzOko+MzZGNywtQFdBRkxO" +
      "UlNSMj5aYVpQYEpRUk//2wBDAQ4ODhMREyYVFSZPNS01T09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09P" +
      "T09PT09PT0//wAARCAAjABcDASIAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUF" +
      "BAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVW" +
      "V1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi" +
      "4+Tl5ufo6erx8vP09fb3+Pn6/90ABAAC/9oACAEBAAA/AMO/g/49+P739K6C/t/+Pfj+9/Sv/9Cx431BtOs7aK1cC7lJ2gAEqvGW" +
      "wQfTH4+1Z9/B/wAe/H97+lf/0dPWfLtbaO4l+5GrMemT04Ge5rm9eeW+u0uZiSz7toJzsXjCj6f/AF6//9K7fWxJtwBknd/Sqfju" +
      "83zQadbsdkZbziCMO3y8fh/PtwK//9OPUIOIOP739K2/Flyuj6bC683Eu5I8EcHA+bB7D/D1r//UoX9v/wAe/H97+ldBqEHEHH97" +
      "+lf/1YvHrtJ4gCuciNQqDHQbVP8AMmpr9R/o/H97+lf/1ug1BRiDj+9/Sv/EAB8BAAMBAQEBAQEBAQEAAAAAAAABAgMEBQYHCAkK" +
      "C//EALURAAIBAgQEAwQHBQQEAAECdwABAgMRBAUhMQYSQVEHYXETIjKBCBRCkaGxwQkjM1LwFWJy0QoWJDThJfEXGBkaJicoKSo1" +
      "Njc4OTpDREVGR0hJSlNUVVZXWFlaY2RlZmdoaWpzdHV2d3h5eoKDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLD" +
      "xMXGx8jJytLT1NXW19jZ2uLj5OXm5+jp6vLz9PX29/j5+v/aAAgBAhEAPwDxZ1HJwjHd3PpstyKnHDR9t8T30TP/0OjJMuVPkxNX" +
      "fW3kexTre6j/0foqf8Gl6HBT+FH/2gAIAQMRAD8A2zeu28Ul/cOPMKdKliZRnFN6Xvr0R//QKi53iq0tlyW9e/yPKzrEf7bP5fkj" +
      "/9HXG6YevbtT/JHymdf77P5fkj//2Q==",
  },
  {
    name: "quant16",
    what: "16-bit quantisation tables",
    sum: 327180,
    fnv: 0x414a55e9,
    centre: [221, 227, 191],
    streamed: true,
    jpeg:
      "/9j/4AAQSkZJRgABAQAAAQABAAD/2wCDEAELALcAyADpAMgApwELAOkA2QDpASwBGwELAT0BkAKaAbEBkAFvAW8BkAMwAkcCaAHj" +
      "ApoDxgNSA/gD6AO2A1IDpQOUBCoEsAX9BRMEKgRtBakEfgOUA6UFNQcYBUUFqQYvBmEGtAbFBrQECQUDB1sH4AdKBoIHzwX9BpMG" +
      "tAZx/9sAgxEBGwEsASwBkAFeAZADDwGxAbEDDwZxBEwDpQRMBnEGcQZxBnEGcQZxBnEGcQZxBnEGcQZxBnEGcQZxBnEGcQZxBnEG" +
      "cQZxBnEGcQZxBnEGcQZxBnEGcQZxBnEGcQZxBnEGcQZxBnEGcQZxBnEGcQZxBnEGcQZxBnEGcQZxBnEGcf/BABEIACMAFwMBIgAC" +
      "EQEDEQH/xAAfAAABBQEBAQEBAQAAAAAAAAAAAQIDBAUGBwgJCgv/xAC1EAACAQMDAgQDBQUEBAAAAX0BAgMABBEFEiExQQYTUWEH" +
      "InEUMoGRoQgjQrHBFVLR8CQzYnKCCQoWFxgZGiUmJygpKjQ1Njc4OTpDREVGR0hJSlNUVVZXWFlaY2RlZmdoaWpzdHV2d3h5eoOE" +
      "hYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4eLj5OXm5+jp6vHy8/T19vf4+fr/xAAf" +
      "AQADAQEBAQEBAQEBAAAAAAAAAQIDBAUGBwgJCgv/xAC1EQACAQIEBAMEBwUEBAABAncAAQIDEQQFITEGEkFRB2FxEyIygQgUQpGh" +
      "scEJIzNS8BVictEKFiQ04SXxFxgZGiYnKCkqNTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqCg4SFhoeIiYqS" +
      "k5SVlpeYmZqio6Slpqeoqaqys7S1tre4ubrCw8TFxsfIycrS09TV1tfY2dri4+Tl5ufo6ery8/T19vf4+fr/2gAMAwEAAhEDEQA/" +
      "AENKaDSnikDEc4HvRSHk0VSQMcaRz2pW4FNNJIBTRSmiqE9xH+9QaKKBscaKKKRL3P/Z",
  },
  {
    name: "progressive-restart",
    what: "progressive with successive approximation, restarts",
    sum: 321727,
    fnv: 0x93ad5006,
    centre: [194, 247, 157],
    streamed: false,
    jpeg:
      "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAA0JCgsKCA0LCgsODg0PEyAVExISEyccHhcgLikxMC4pLSwzOko+MzZGNywtQFdBRkxO" +
      "UlNSMj5aYVpQYEpRUk//2wBDAQ4ODhMREyYVFSZPNS01T09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09P" +
      "T09PT09PT0//wgARCAAjABcDASIAAhEBAxEB/8QAGAAAAwEBAAAAAAAAAAAAAAAAAAMEBQL/xAAYAQADAQEAAAAAAAAAAAAAAAAC" +
      "BAUDAP/dAAQAAv/aAAwDAQACEAMQAAABh0E2pGoiKeP/0HJrzNOcVDin/9HjsKJaAC8r/8QAGxAAAgMAAwAAAAAAAAAAAAAAAAIB" +
      "AwQREyH/2gAIAQEAAQUCeB1P/9DbZ1o8H//Ru4Vb+Xb/0nU3P7//07INbdNf/9R1LIP/1d/uhz//1rD/xAAfEQACAgIBBQAAAAAA" +
      "AAAAAAABAgAEAzMTISNhgYL/2gAIAQMBAT8Btvt9SwqrkIIn/9BuvK58S7k7xn//0c2t/mXdxn//xAAdEQABBAMBAQAAAAAAAAAA" +
      "AAACAAEEEQMSMSEy/9oACAECAQE/AXK6ZlGgi2Nt+r//0IUfWshIT8X/0R+BQ8X/xAAdEAADAAICAwAAAAAAAAAAAAAAAQIxQQMS" +
      "MlJx/9oACAEBAAY/ApJP/9CVPkyT/9FU9HZn/9KRcc6yf//TQvZ4P//UkR//1fhJ/9ZH/8QAHxAAAgIBBAMAAAAAAAAAAAAAAAER" +
      "sUEhMVFhcZHR/9oACAEBAAE/IbxcP//Qcw8XS5Lx/9HBBGx091zHS4P/0rhM80l5vQ//07YhtZF9H//UuFs//9VnA8IXpC2P/9ZL" +
      "n//aAAwDAQACAAMAAAAQEM//0PDf/9H0L//EAB4RAAEEAQUAAAAAAAAAAAAAAAEAESGxUTFBcYGh/9oACAEDAQE/EDkgFByJh3nY" +
      "L//QB+gEec9Lw6C//9GLOKBU6C//xAAbEQACAgMBAAAAAAAAAAAAAAAAASExEUFhof/aAAgBAgEBPxBzXHk2kXCZ/9Be3nHCAf/R" +
      "8JQf/8QAIRAAAgICAgIDAQAAAAAAAAAAAREAIUHwMVGBsWFx0eH/2gAIAQEAAT8Q62lOppT/0BLQcoACaGhB6Xn4nW0p/9HMmHDP" +
      "FB5MLcTSEviQfX9n/9IpIAMn8R1jmAhYnj3ihP/TprpS0KlEUUOBwPzuf//U6mlKa6U//9UYKwAK4DPZMFhpT//WAq6U/9k=",
  },
  {
    name: "progressive-smoothing",
    what: "progressive without the last refinements: block smoothing",
    sum: 322922,
    fnv: 0xbfb22f23,
    centre: [132, 185, 95],
    streamed: false,
    jpeg:
      "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAA0JCgsKCA0LCgsODg0PEyAVExISEyccHhcgLikxMC4pLSwzOko+MzZGNywtQFdBRkxO" +
      "UlNSMj5aYVpQYEpRUk//2wBDAQ4ODhMREyYVFSZPNS01T09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09P" +
      "T09PT09PT0//wgARCAAjABcDASIAAhEBAxEB/8QAGAABAQEBAQAAAAAAAAAAAAAAAAQDBQL/xAAYAQEAAwEAAAAAAAAAAAAAAAAE" +
      "AQIFA//aAAwDAQACEAMQAAABh6GNor5Imnxvxr5lb7KjCSeyW9AHyv/EABsQAAIDAAMAAAAAAAAAAAAAAAACAQMEERMh/9oACAEB" +
      "AAEFAngdTbZ1o8F3Crfy7Opuf2yDW3TW6lkG/wB0OWH/xAAjEQABAwIFBQAAAAAAAAAAAAABAAIDBTEEERIhMhMiM2Fx/9oACAEC" +
      "AQE/AHyFxY1tzmqbQo24ZvW5G+wKolOEejEy33y9KObtCj8MXxR8Qv/EACURAAECBAUFAQAAAAAAAAAAAAECAwAEBRESIVGBsSQx" +
      "NEFicf/aAAgBAwEBPwCrvkmaA+IqDbTUypK0gnK98/QhwYzNPK7DBb912itTHWr24ETuUu/bRvgRWvNXtwI//9oADAMBAAIAAwAA" +
      "ABAQzw30L//Z",
  },
  {
    name: "progressive-dc-only",
    what: "progressive, DC scan only: block smoothing with DC interpolation",
    sum: 320379,
    fnv: 0x7fdffee4,
    centre: [138, 145, 129],
    streamed: false,
    jpeg:
      "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAA0JCgsKCA0LCgsODg0PEyAVExISEyccHhcgLikxMC4pLSwzOko+MzZGNywtQFdBRkxO" +
      "UlNSMj5aYVpQYEpRUk//2wBDAQ4ODhMREyYVFSZPNS01T09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09P" +
      "T09PT09PT0//wgARCAAjABcDAREAAhEBAxEB/8QAFwABAQEBAAAAAAAAAAAAAAAABQYDBP/EABkBAQADAQEAAAAAAAAAAAAAAAUC" +
      "BAYDAf/aAAwDAQACEAMQAAAADorUB5WnkD+9tuobN75h7CF8eysZIzbDOmdEzQHFE2720Ob55f8A/9k=",
  },
  {
    name: "gray-progressive",
    what: "grayscale, progressive",
    sum: 319515,
    fnv: 0xff653306,
    centre: [221, 221, 221],
    streamed: false,
    jpeg:
      "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAA0JCgsKCA0LCgsODg0PEyAVExISEyccHhcgLikxMC4pLSwzOko+MzZGNywtQFdBRkxO" +
      "UlNSMj5aYVpQYEpRUk//wgALCAAjABcBAREA/8QAFwABAQEBAAAAAAAAAAAAAAAABAUCA//aAAgBAQAAAAENDR2zX8ctmUCbof/E" +
      "ABsQAAIDAAMAAAAAAAAAAAAAAAACAQMEERMh/9oACAEBAAEFAngdTbZ1o8F3Crfy7Opuf2yDW3TW6lkG/wB0OWH/xAAdEAADAAIC" +
      "AwAAAAAAAAAAAAAAAQIxQQMSMlJx/9oACAEBAAY/ApJJU+TJFT0dmSLjnWRC9ngkR8JEf//EAB8QAAICAQQDAAAAAAAAAAAAAAAB" +
      "EbFBITFRYXGR0f/aAAgBAQABPyG8XBzDxdLkvGCCNjp7rmOlwXCZ5pLzehbENrIvouFsZwPCF6QthLn/2gAIAQEAAAAQD33/xAAh" +
      "EAACAgICAgMBAAAAAAAAAAABEQAhQfAxUYGxYXHR4f/aAAgBAQABPxDraU6mlBLQcoACaGhB6Xn4nW0pmTDhnig8mFuJpCXxIPr+" +
      "wpIAMn8R1jmAhYnj3ihKa6UtCpRFFDgcD87nU0pTXSgwVgAVwGeyYLDSgFXSn//Z",
  },
  {
    name: "gray-restart",
    what: "grayscale, restarts",
    sum: 319515,
    fnv: 0xff653306,
    centre: [221, 221, 221],
    streamed: true,
    jpeg:
      "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAA0JCgsKCA0LCgsODg0PEyAVExISEyccHhcgLikxMC4pLSwzOko+MzZGNywtQFdBRkxO" +
      "UlNSMj5aYVpQYEpRUk//wAALCAAjABcBAREA/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUF" +
      "BAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVW" +
      "V1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi" +
      "4+Tl5ufo6erx8vP09fb3+Pn6/90ABAAD/9oACAEBAAA/AMO/g/49+P739K6C/t/+Pfj+9/SpPG+oNp1nbRWrgXcpO0AAlV4y2CD6" +
      "Y/H2r//Qr38H/Hvx/e/pW3rPl2ttHcS/cjVmPTJ6cDPc1zevPLfXaXMxJZ920E52LxhR9P8A69f/0bt9bEm3AGSd39Kp+O7zfNBp" +
      "1ux2RlvOIIw7fLx+H8+3AqLUIOIOP739K//S1/Flyuj6bC683Eu5I8EcHA+bB7D/AA9a5m/t/wDj34/vf0roNQg4g4/vf0r/04vH" +
      "rtJ4gCuciNQqDHQbVP8AMmpr9R/o/H97+lb+oKMQcf3v6V//2Q==",
  },
  {
    name: "rgb",
    what: "Adobe RGB (transform 0), no colour conversion",
    sum: 323308,
    fnv: 0x8cbd9653,
    centre: [250, 223, 45],
    streamed: true,
    jpeg:
      "/9j/7gAOQWRvYmUAZAAAAAAA/9sAQwANCQoLCggNCwoLDg4NDxMgFRMSEhMnHB4XIC4pMTAuKS0sMzpKPjM2RjcsLUBXQUZMTlJT" +
      "UjI+WmFaUGBKUVJP/8AAEQgAIwAXA1IRAEcRAEIRAP/EAB8AAAEFAQEBAQEBAAAAAAAAAAABAgMEBQYHCAkKC//EALUQAAIBAwMC" +
      "BAMFBQQEAAABfQECAwAEEQUSITFBBhNRYQcicRQygZGhCCNCscEVUtHwJDNicoIJChYXGBkaJSYnKCkqNDU2Nzg5OkNERUZHSElK" +
      "U1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6g4SFhoeIiYqSk5SVlpeYmZqio6Slpqeoqaqys7S1tre4ubrCw8TFxsfIycrS09TV1tfY" +
      "2drh4uPk5ebn6Onq8fLz9PX29/j5+v/aAAwDUgBHAEIAAD8Am+L/APzCP+23/slcvpNl93iuJo+L/wDzCP8Att/7JXbaTZfd4oo+" +
      "L/8AzCP+23/slT+LtcbQNJSCwmVNTuCPLHBMaA8uQQRg428+pI6GnwQTXEqw28TyyN0RFLE9+go+L/8AzCP+23/slYmk2X3eKZR8" +
      "X/8AmEf9tv8A2SutRrfS9Nmv7s7YbdC7cgE+gGSBkngDuSKltbae8uY7a1jaSaQ4VV7/AOfWj4v/APMI/wC23/sleZXV3c67qs2o" +
      "XRbLk+WhbIiTPyoOBwPpycnqa9U8M+HYNDtsttkvJB+9l9P9lfb+f5AHxf8A+YR/22/9kr0PSbL7vFeV2ttPeXMdtaxtJNIcKq9/" +
      "8+tHxf8A+YR/22/9krmvHmttd3o0Kydhb27f6SVYFZX4IXjsvfn73b5Qa9U8M+HYNDtsttkvJB+9l9P9lfb+f5AHxf8A+YR/22/9" +
      "kqlpVl8o47VuUfF//mEf9tv/AGSuy8Q6svhzQzLHzeXGYrcArlWx9/B6heOx5IHfNYfhnw7Bodtltsl5IP3svp/sr7fz/IA+L/8A" +
      "zCP+23/sledaTZfd4rco+L//ADCP+23/ALJXa6VZfKOO1FHxf/5hH/bb/wBkrm/HErzeN7mOUhlt0jjjGANq7A2PflmP40UfF/8A" +
      "5hH/AG2/9kqzpKL8vAoo+L//ADCP+23/ALJXbaUi7RwOlFf/2Q==",
  },
  {
    name: "cmyk",
    what: "Adobe CMYK, converted like Pillow (inverted CMYK, then cmyk2rgb)",
    sum: 257410,
    fnv: 0x782c8c1f,
    centre: [233, 208, 42],
    streamed: true,
    jpeg:
      "/9j/7gAOQWRvYmUAZAAAAAAA/9sAQwANCQoLCggNCwoLDg4NDxMgFRMSEhMnHB4XIC4pMTAuKS0sMzpKPjM2RjcsLUBXQUZMTlJT" +
      "UjI+WmFaUGBKUVJP/8AAFAgAIwAXBEMRAE0RAFkRAEsRAP/EAB8AAAEFAQEBAQEBAAAAAAAAAAABAgMEBQYHCAkKC//EALUQAAIB" +
      "AwMCBAMFBQQEAAABfQECAwAEEQUSITFBBhNRYQcicRQygZGhCCNCscEVUtHwJDNicoIJChYXGBkaJSYnKCkqNDU2Nzg5OkNERUZH" +
      "SElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6g4SFhoeIiYqSk5SVlpeYmZqio6Slpqeoqaqys7S1tre4ubrCw8TFxsfIycrS09TV" +
      "1tfY2drh4uPk5ebn6Onq8fLz9PX29/j5+v/aAA4EQwBNAFkASwAAPwCb4v8A/MI/7bf+yVy+k2X3eK4mus0226cUfF//AJhH/bb/" +
      "ANkrttJsvu8UUy6lF5eKsf8Aqocqp4OT3P8AL8qPi/8A8wj/ALbf+yVP4u1xtA0lILCZU1O4I8scExoDy5BBGDjbz6kjoafBBNcS" +
      "rDbxPLI3REUsT36Crc032CzDoFMrHCK36nr/AJyKPi//AMwj/tt/7JWJpNl93imUlzKLOy2rkTSgqmO3qc9uv50fF/8A5hH/AG2/" +
      "9krrUa30vTZr+7O2G3Qu3IBPoBkgZJ4A7kipbW2nvLmO2tY2kmkOFVe/+fWo9NtunFHxf/5hH/bb/wBkrzK6u7nXdVm1C6LZcny0" +
      "LZESZ+VBwOB9OTk9TXqnhnw7Bodtltsl5IP3svp/sr7fz/ICvLI19ds4JMS8Rjtj1/HrR8X/APmEf9tv/ZK9D0my+7xXldrbT3lz" +
      "HbWsbSTSHCqvf/PrSu322/aUfcHyp/uj/Hr+NHxf/wCYR/22/wDZK5rx5rbXd6NCsnYW9u3+klWBWV+CF47L35+92+UGvVPDPh2D" +
      "Q7bLbZLyQfvZfT/ZX2/n+QFm/lNvarbx48yYEN3wvf8AP/Gj4v8A/MI/7bf+yVS0qy+Ucdq3KXTrbgcUfF//AJhH/bb/ANkrsvEO" +
      "rL4c0Myx83lxmK3AK5VsffweoXjseSB3zWH4Z8OwaHbZbbJeSD97L6f7K+38/wAgCxhWKMyPwqDcxx0Ao+L/APzCP+23/sledaTZ" +
      "fd4rcqrGz3t0Z3XGeFXOdo9KPi//AMwj/tt/7JXa6VZfKOO1FTaq2y3S0TrJ8z/7o6fr/Kj4v/8AMI/7bf8Aslc344lebxvcxykM" +
      "tukccYwBtXYGx78sx/Gin6mSmmKq8B5Are4wT/MCj4v/APMI/wC23/slWdJRfl4FFLpqjjij4v8A/MI/7bf+yV22lIu0cDpRVM/N" +
      "qNyWyT5jDk9gcCv/2Q==",
  },
  {
    name: "ycck",
    what: "Adobe YCCK 4:2:0:4:2:0",
    sum: 256618,
    fnv: 0x7939ab25,
    centre: [184, 231, 149],
    streamed: true,
    jpeg:
      "/9j/7gAOQWRvYmUAZAAAAAAC/9sAQwANCQoLCggNCwoLDg4NDxMgFRMSEhMnHB4XIC4pMTAuKS0sMzpKPjM2RjcsLUBXQUZMTlJT" +
      "UjI+WmFaUGBKUVJP/9sAQwEODg4TERMmFRUmTzUtNU9PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09P" +
      "T09PT09P/8AAFAgAIwAXBAEiAAIRAQMRAQQiAP/EAB8AAAEFAQEBAQEBAAAAAAAAAAABAgMEBQYHCAkKC//EALUQAAIBAwMCBAMF" +
      "BQQEAAABfQECAwAEEQUSITFBBhNRYQcicRQygZGhCCNCscEVUtHwJDNicoIJChYXGBkaJSYnKCkqNDU2Nzg5OkNERUZHSElKU1RV" +
      "VldYWVpjZGVmZ2hpanN0dXZ3eHl6g4SFhoeIiYqSk5SVlpeYmZqio6Slpqeoqaqys7S1tre4ubrCw8TFxsfIycrS09TV1tfY2drh" +
      "4uPk5ebn6Onq8fLz9PX29/j5+v/EAB8BAAMBAQEBAQEBAQEAAAAAAAABAgMEBQYHCAkKC//EALURAAIBAgQEAwQHBQQEAAECdwAB" +
      "AgMRBAUhMQYSQVEHYXETIjKBCBRCkaGxwQkjM1LwFWJy0QoWJDThJfEXGBkaJicoKSo1Njc4OTpDREVGR0hJSlNUVVZXWFlaY2Rl" +
      "ZmdoaWpzdHV2d3h5eoKDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uLj5OXm5+jp" +
      "6vLz9PX29/j5+v/aAA4EAQACEQMRBAAAPwDbsJ/+Pjn+7/WsCwuP+Pjn+7/WrdhP/wAfHP8Ad/rWJo3mXVzJbxffkZVHXA68nHYV" +
      "7UKaipylsrGOUUUlhW/751mm23TimXUovLxVj/1UOVU8HJ7n+X5VauZRZ2W1ciaUFUx29Tnt1/Oo9NtunFW/BGnrqN5cy3SE2kQG" +
      "4kkBm5wuQR65/D3orZ0FIrG0e2hACpt3EDG9ucsfr/8AWor5nMs9qSxMvY/CttWjsy+pVq4aMoSaWtradWSzTfYLMOgUyscIrfqe" +
      "v+ciiqUsjX12zgkxLxGO2PX8etFYNjcgC4JOANv9aueBLPZDPqNwo3yBfJBByi/Nz+P8u/JrK8J2zaxqUyNxbxbXkyDyMn5cjuf8" +
      "fSulsLj/AI+Of7v9a0zvMXU58NS20v5mNN8iwtGO757+nYV2+237Sj7g+VP90f49fxqzfym3tVt48eZMCG74Xv8An/jS2MKxRmR+" +
      "FQbmOOgFVY2e9ujO64zwq5ztHpVTT5+Z+f7v9aKy9Pn5n5/u/wBaK8epR95nq5Lh/wDYofP82WtOtuBxRUeqtst0tE6yfM/+6On6" +
      "/wAqK1fASLH4fLIMGRiznPU7mH8gKhsGP+kc/wB3+tFFTU1rVfX9TxcFriKHrU/Nj9TJTTFVeA8gVvcYJ/mBS6ao44oorA09jmfn" +
      "+7/Wiiiu+p8TPq8l/wByh8/zZTPzajclsk+Yw5PYHAooor//2Q==",
  },
];

const fromBase64 = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));

function fnv1a(bytes: Uint8Array, hash: number): number {
  let h = hash;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193) >>> 0;
  return h;
}

/** The variant named, with `patch` applied to a copy. */
function variant(name: string, patch: (bytes: Uint8Array) => void = () => {}): Uint8Array {
  const bytes = fromBase64(VARIANTS.find((v) => v.name === name)!.jpeg);
  patch(bytes);
  return bytes;
}

/** Offset of the first marker 0xFF `code` (outside entropy-coded data in these small files). */
function markerAt(bytes: Uint8Array, code: number): number {
  for (let i = 0; i + 1 < bytes.length; i++) if (bytes[i] === 0xff && bytes[i + 1] === code) return i;
  throw new Error(`no marker ${code.toString(16)}`);
}

function refusal(bytes: Uint8Array): unknown {
  try {
    decodeJpeg(bytes, () => {}, jpegDecoder.readHeader(bytes));
  } catch (error) {
    return error;
  }
  return undefined;
}

describe("JPEG variants (bit-exact with Pillow)", () => {
  it.for(VARIANTS)("$name: $what", async (v) => {
    const bytes = fromBase64(v.jpeg);
    const header = jpegDecoder.readHeader(bytes);
    expect(header).toEqual({ format: "jpeg", width: 23, height: 35, orientation: 1 });
    let next = 0;
    let sum = 0;
    let fnv = 0x811c9dc5;
    let centre: number[] = [];
    const stats = decodeJpeg(bytes, (y, rgb) => {
      expect(y).toBe(next++);
      for (const value of rgb) sum += value;
      fnv = fnv1a(rgb, fnv);
      if (y === 17) centre = Array.from(rgb.subarray(33, 36));
    });
    expect(next).toBe(35);
    expect({ sum, fnv, centre }).toEqual({ sum: v.sum, fnv: v.fnv, centre: v.centre });
    expect(stats.streamed).toBe(v.streamed);
  });
});

type Patch = (bytes: Uint8Array) => void;

/** Sets the byte `offset` past the first marker 0xFF `code`. */
const setByte =
  (code: number, offset: number, value: number): Patch =>
  (bytes) => {
    bytes[markerAt(bytes, code) + offset] = value;
  };

describe("JPEG features we refuse, as named unsupported formats", () => {
  const cases: [string, string, Patch][] = [
    ["arithmetic coding", "jpeg-arithmetic", setByte(0xc0, 1, 0xc9)],
    ["lossless", "jpeg-lossless", setByte(0xc0, 1, 0xc3)],
    ["hierarchical", "jpeg-hierarchical", setByte(0xc0, 1, 0xc5)],
    ["12-bit samples", "jpeg-12bit", setByte(0xc0, 4, 12)],
    ["a height defined by DNL", "jpeg-dnl", (b) => b.fill(0, markerAt(b, 0xc0) + 5, markerAt(b, 0xc0) + 7)],
  ];
  it.for(cases)("%s", ([, format, patch]) => {
    const bytes = variant("422", patch);
    expect(() => jpegDecoder.readHeader(bytes)).toThrow(
      expect.objectContaining({ code: "unsupported_format", format }),
    );
    expect(refusal(bytes)).toMatchObject({ code: "unsupported_format", format });
  });
});

describe("damaged JPEG structure", () => {
  it("refuses a restart marker out of sequence", () => {
    const bytes = variant("420-restart", setByte(0xd0, 1, 0xd3));
    expect(refusal(bytes)).toMatchObject({ code: "corrupt_image", message: expect.stringMatching(/RST0/) });
  });

  it("refuses a scan before any frame header", () => {
    const error = refusal(variant("422", setByte(0xc0, 1, 0xfe)));
    expect(error).toBeInstanceOf(ImageError);
    expect(error).toMatchObject({ code: "corrupt_image", message: expect.stringMatching(/SOF/) });
  });

  it("refuses a scan naming a component the frame lacks", () => {
    const error = refusal(variant("422", setByte(0xda, 5, 9)));
    expect(error).toMatchObject({ code: "corrupt_image", message: expect.stringMatching(/component/) });
  });

  it("refuses a bad Huffman code", () => {
    // Stuffed FF 00 pairs give a run of 1-bits, which is no code (the all-ones code is reserved).
    const bytes = variant("gray-restart", (b) => {
      const data = markerAt(b, 0xda) + 10;
      for (let i = 0; i < 8; i++) b[data + i] = i % 2 ? 0 : 0xff;
    });
    expect(refusal(bytes)).toMatchObject({
      code: "corrupt_image",
      message: expect.stringMatching(/Huffman/),
    });
  });
});
