#!/bin/bash
echo done > /app/note.txt
