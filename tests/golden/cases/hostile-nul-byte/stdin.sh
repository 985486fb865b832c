# a NUL byte in the middle of an otherwise valid file
printf 'instansi "Kecamatan Contoh" {\n    tahun 2024\n}\n\n'
printf 'sasaran S1 "Meningkatnya kualitas pelayanan" {\n'
printf '    indikator IKM "Indeks Kepuasan Masyarakat" {\n'
printf '        satuan "indeks"\0\n        polaritas positif\n        target 82\n        realisasi 83.63\n'
printf '        penanggung_jawab "Seksi Pelayanan"\n        sumber "SUKMA-E"\n    }\n}\n'
