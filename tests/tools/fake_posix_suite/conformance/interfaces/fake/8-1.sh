#!/bin/sh
echo "Tested by 1-1."
